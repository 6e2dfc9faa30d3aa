package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageApiTest extends ApiTestSupport {

    @Test
    void putCreatesAPageThenChangesIt() {
        HttpApi.Answer created = expect(api.put("/api/v1/pages/olark-a", """
                {"name":"Olark Live Chat","timeZone":"America/Los_Angeles"}"""), 201);
        assertThat(created.json().toString())
                .isEqualTo("{\"id\":\"olark-a\",\"name\":\"Olark Live Chat\",\"timeZone\":\"America/Los_Angeles\","
                        + "\"hostname\":null}");

        HttpApi.Answer changed = expect(api.put("/api/v1/pages/olark-a", """
                {"name":"Olark","timeZone":"Europe/Berlin"}"""), 200);
        assertThat(changed.json().get("name").asString()).isEqualTo("Olark");
        assertThat(changed.json().get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(sequenceNumbers("olark-a")).containsExactly(0L, 1L);
    }

    @Test
    void putWithTheStoredDefinitionChangesNothing() {
        String pageId = newPage();
        int events = sequenceNumbers(pageId).size();
        expect(api.put("/api/v1/pages/" + pageId, """
                {"name":"Test page","timeZone":"America/Los_Angeles"}"""), 200);
        assertThat(sequenceNumbers(pageId)).hasSize(events);
    }

    @Test
    void putCreatesAComponentThenChangesAndUngroupsIt() {
        String pageId = newPage();
        HttpApi.Answer created = expect(api.put("/api/v1/pages/" + pageId + "/components/agents", """
                {"name":"Agents","group":"Live Chat"}"""), 201);
        assertThat(created.json().get("id").asString()).isEqualTo("agents");
        assertThat(created.json().get("group").asString()).isEqualTo("Live Chat");

        HttpApi.Answer ungrouped = expect(api.put("/api/v1/pages/" + pageId + "/components/agents", """
                {"name":"Agents"}"""), 200);
        assertThat(ungrouped.json().get("group").isNull()).isTrue();
    }

    @Test
    void componentsOfAPageThatDoesNotExistAreNotFound() {
        expect(api.put("/api/v1/pages/no-such-page/components/api", """
                {"name":"API"}"""), 404);
    }

    @Test
    void anIdThatBreaksThePatternCannotExist() {
        expect(api.put("/api/v1/pages/Olark_Chat", """
                {"name":"Olark","timeZone":"UTC"}"""), 404);
        expect(api.put("/api/v1/pages/" + "a".repeat(65), """
                {"name":"Olark","timeZone":"UTC"}"""), 404);
        String pageId = newPage();
        expect(api.put("/api/v1/pages/" + pageId + "/components/-api", """
                {"name":"API"}"""), 404);
    }

    @Test
    void aPageNeedsANameAndAnIanaTimeZone() {
        HttpApi.Answer answer = expect(api.put("/api/v1/pages/bad-page", """
                {"name":"  ","timeZone":"PST"}"""), 400);
        assertThat(answer.json().get("errors").toString())
                .contains("\"field\":\"name\"")
                .contains("\"field\":\"timeZone\"");
        answer = expect(api.put("/api/v1/pages/bad-page", """
                {"name":"Bad","timeZone":"+02:00"}"""), 400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("timeZone");
    }

    @Test
    void aPageTakesAHostnameThatNoOtherPageHasAndLosesItOnAPutWithout() {
        String hostname = "status-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        String pageId = newPage();
        HttpApi.Answer named = expect(api.put("/api/v1/pages/" + pageId, """
                {"name":"Test page","timeZone":"America/Los_Angeles","hostname":"%s"}""".formatted(hostname)), 200);
        assertThat(named.json().get("hostname").asString()).isEqualTo(hostname);
        assertThat(pageDefinitions(pageId).get(1)).contains("\"hostname\":\"" + hostname + "\"");

        String otherPageId = newPage();
        int otherPagesEvents = sequenceNumbers(otherPageId).size();
        HttpApi.Answer taken = expect(api.put("/api/v1/pages/" + otherPageId, """
                {"name":"Other page","timeZone":"UTC","hostname":"%s"}""".formatted(hostname)), 422);
        assertThat(taken.json().get("detail").asString()).isEqualTo(hostname + " is already the hostname of page " + pageId);
        assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("hostname");
        assertThat(sequenceNumbers(otherPageId)).hasSize(otherPagesEvents);

        expect(api.put("/api/v1/pages/" + pageId, """
                {"name":"Test page","timeZone":"America/Los_Angeles"}"""), 200);
        assertThat(pageDefinitions(pageId).get(2)).contains("\"hostname\":null");
        expect(api.put("/api/v1/pages/" + otherPageId, """
                {"name":"Other page","timeZone":"UTC","hostname":"%s"}""".formatted(hostname)), 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Status.Example.com", "status.example.com:8080", "-status.example.com", "status..example.com",
            "status.example.com.", "https://status.example.com", ""})
    void aHostnameIsALowercaseDnsNameWithoutPort(String hostname) {
        HttpApi.Answer answer = expect(api.put("/api/v1/pages/bad-page", """
                {"name":"Bad","timeZone":"UTC","hostname":"%s"}""".formatted(hostname)), 400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("hostname");
    }

    @Test
    void aHostnameIsAtMost253Characters() {
        String label = "a".repeat(63);
        String tooLong = String.join(".", label, label, label, label);
        expect(api.put("/api/v1/pages/bad-page", """
                {"name":"Bad","timeZone":"UTC","hostname":"%s"}""".formatted(tooLong)), 400);
    }

    /** The payloads of the page's definitions, oldest first. */
    private List<String> pageDefinitions(String pageId) {
        return jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%PageDefined' order by sequence_number""")
                .param(pageId).query(String.class).list();
    }
}
