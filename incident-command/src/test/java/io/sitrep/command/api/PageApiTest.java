package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageApiTest extends ApiTestSupport {

    @Test
    void putCreatesAPageThenChangesIt() {
        HttpApi.Answer created = expect(api.put("/api/v1/pages/olark-a", """
                {"name":"Olark Live Chat","timeZone":"America/Los_Angeles"}"""), 201);
        assertThat(created.json().toString())
                .isEqualTo("{\"id\":\"olark-a\",\"name\":\"Olark Live Chat\",\"timeZone\":\"America/Los_Angeles\"}");

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
}
