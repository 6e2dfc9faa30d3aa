package io.sitrep.query.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page with a hostname at the root of that host, as Statuspage serves custom domains: every
 * route answers as its twin under {@code /pages/{pageId}}, with the page's links on that host.
 * Requests carry the page's host name as a proxy in front of incident-query would pass it on.
 */
class CustomDomainTest extends WebTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/history", "/incidents/{open}", "/history.atom", "/history.rss",
            "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
            "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json",
            "/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/scheduled-maintenances/active.json"})
    void everyRouteAtTheRootOfThePagesHostAnswersAsItsTwinUnderPages(String route) throws Exception {
        String path = route.replace("{open}", fixture.openIncident);
        String pagePath = "/pages/" + fixture.acmePage;

        HttpResponse<String> atRoot = getFrom(fixture.acmeHostname, path);
        HttpResponse<String> twin = getFrom("127.0.0.1", pagePath + (path.equals("/") ? "" : path));

        assertThat(atRoot.statusCode()).isEqualTo(200);
        assertThat(atRoot.headers().firstValue("Content-Type")).isEqualTo(twin.headers().firstValue("Content-Type"));
        String hostRoot = "http://" + fixture.acmeHostname + ":" + port;
        assertThat(atRoot.body()).isEqualTo(twin.body()
                .replace("http://127.0.0.1:" + port + pagePath, hostRoot)
                .replace("\"" + pagePath + "\"", "\"/\"")
                .replace(pagePath + "/", "/"));
    }

    @Test
    void theStatuspageJsonNamesThePageAndItsIncidentsOnThePagesHost() throws Exception {
        JsonNode summary = JSON.readTree(getFrom(fixture.acmeHostname, "/api/v2/summary.json").body());

        String hostRoot = "http://" + fixture.acmeHostname + ":" + port;
        assertThat(summary.get("page").get("url").asText()).isEqualTo(hostRoot);
        assertThat(summary.get("incidents").get(0).get("shortlink").asText())
                .isEqualTo(hostRoot + "/incidents/" + fixture.openIncident);
    }

    @Test
    void theStatusPageLinksStayOnThePagesHost() throws Exception {
        String html = getFrom(fixture.acmeHostname, "/").body();

        assertThat(html).contains("href=\"/history\"", "href=\"/history.atom\"", "href=\"/history.rss\"",
                "href=\"/incidents/" + fixture.openIncident + "\"", "href=\"/\"");
        assertThat(html).doesNotContain("/pages/");
    }

    @Test
    void theHistoryPagesThroughOlderIncidentsOnThePagesHost() throws Exception {
        String html = getFrom(fixture.busyHostname, "/history").body();
        String older = html.replaceAll("(?s).*href=\"(/history\\?cursor=[^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(older).startsWith("/history?cursor=");

        HttpResponse<String> next = getFrom(fixture.busyHostname, older);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo(getFrom("127.0.0.1", "/pages/" + fixture.busyPage + older).body()
                .replace("\"/pages/" + fixture.busyPage + "\"", "\"/\"")
                .replace("/pages/" + fixture.busyPage + "/", "/"));
    }

    @Test
    void theStatuspageJsonIsOpenToScriptsOfAnyOrigin() throws Exception {
        HttpResponse<String> answer = http.send(request(fixture.acmeHostname, "/api/v2/summary.json")
                .header("Origin", "https://www.example.org").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void anIncidentOfAnotherPageIsNotFoundOnThePagesHost() throws Exception {
        HttpResponse<String> answer = getFrom(fixture.acmeHostname, "/incidents/" + fixture.olarkIncident);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("href=\"/\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/history", "/api/v2/summary.json"})
    void aHostNoPageHasKeepsTheUsualAnswers(String path) throws Exception {
        HttpResponse<String> unknown = getFrom("status.nobody.example", path);
        HttpResponse<String> usual = getFrom("127.0.0.1", path);

        assertThat(unknown.statusCode()).isEqualTo(usual.statusCode()).isEqualTo(404);
    }

    @Test
    void thePagesOwnAddressesStillWorkOnItsHost() throws Exception {
        HttpResponse<String> answer = getFrom(fixture.acmeHostname, "/pages/" + fixture.acmePage + "/history");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("href=\"/pages/" + fixture.acmePage + "\"");
    }

    private HttpResponse<String> getFrom(String host, String path) throws IOException, InterruptedException {
        return http.send(request(host, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to this incident-query for {@code host}, as a proxy would send it on. */
    private HttpRequest.Builder request(String host, String path) {
        return HttpRequest.newBuilder(URI.create(url(path)))
                .header("Host", host + ":" + port)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }
}
