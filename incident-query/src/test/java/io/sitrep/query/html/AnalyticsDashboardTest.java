package io.sitrep.query.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.query.analytics.AnalyticsCsv;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The analytics dashboard over HTTP: the key it asks for, what it shows of the Olark incident, its CSV. */
class AnalyticsDashboardTest extends WebTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutAKeyTheBrowserIsAskedForOne() throws Exception {
        HttpResponse<String> anonymous = get("/pages/" + fixture.olarkPage + "/analytics");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValue("Basic realm=\"Sitrep analytics\", charset=\"UTF-8\"");
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(anonymous.body()).contains("needs an API key with analytics:read",
                "any user name and the key as the password");
        assertThat(dashboard("?period=365d", basic("anyone", "not-a-key")).statusCode()).isEqualTo(401);
        HttpResponse<String> withoutTheScope = dashboard("?period=365d", basic("anyone", "test-key"));
        assertThat(withoutTheScope.statusCode()).isEqualTo(403);
        assertThat(withoutTheScope.body()).contains("lacks analytics:read");
        assertThat(csv("?period=365d", null).statusCode()).isEqualTo(401);
    }

    @Test
    void showsTheKeyFiguresAndFourChartsOfThePeriod() throws Exception {
        HttpResponse<String> answer = dashboard("?period=365d", basic("", ANALYTICS_KEY));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'"));
        String html = answer.body();
        // The Olark incident: resolved 12,000 s (3 h 20 min) after it opened, monitoring after 5,640 s (1 h 34 min).
        assertThat(html).contains("Incident Analytics", "Jun 18, 2024 – Jun 18, 2025", "America/Los_Angeles",
                "<dd>1</dd>", "<dd>3 h 20 min</dd>", "<dd>1 h 34 min</dd>");
        assertThat(html.split("<figure class=\"chart\"", -1)).hasSize(5);
        assertThat(html).contains("id=\"incidents-per-week\"", "id=\"time-to-resolve\"", "id=\"time-in-status\"",
                "id=\"uptime\"");
        assertThat(html).contains("<title>Week of Nov 25: Major impact 1</title>", "<title>Nov 2024: p50 3.3 h</title>");
        assertThat(html).contains("aria-current=\"page\" class=\"current\">Last 12 months</a>");
        assertThat(html).contains("href=\"/pages/" + fixture.olarkPage + "/analytics.csv?period=365d\"");
    }

    @Test
    void theCsvHoldsTheSameFiguresAsTheApiForThePeriod() throws Exception {
        HttpResponse<String> csv = csv("?period=365d", basic("", ANALYTICS_KEY));
        // The dashboard's period ends now, on the tests' fixed clock.
        String json = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/pages/" + fixture.olarkPage
                        + "/analytics?from=2024-06-18T12:34:00Z&to=2025-06-18T12:34:00Z")))
                .header("Authorization", "Bearer " + ANALYTICS_KEY).build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains("attachment"));
        AnalyticsCsv.assertSameFigures(csv.body(), JsonMapper.builder().build().readTree(json));
    }

    @Test
    void anUnknownPeriodIsNamed() throws Exception {
        HttpResponse<String> answer = dashboard("?period=week", basic("", ANALYTICS_KEY));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("period=…", "is not one of 30d, 90d, 365d");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> dashboard(String query, String authorization) throws Exception {
        return send("/pages/" + fixture.olarkPage + "/analytics" + query, authorization);
    }

    private HttpResponse<String> csv(String query, String authorization) throws Exception {
        return send("/pages/" + fixture.olarkPage + "/analytics.csv" + query, authorization);
    }

    private HttpResponse<String> send(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
