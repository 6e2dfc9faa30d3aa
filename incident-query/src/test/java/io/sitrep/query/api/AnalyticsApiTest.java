package io.sitrep.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.events.SitrepEvent;
import io.sitrep.query.OlarkIncident;
import io.sitrep.query.QueryTestSupport;
import io.sitrep.query.analytics.AnalyticsCsv;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The analytics call on the Olark incident of the example report, whose figures are worked out by hand. */
class AnalyticsApiTest extends QueryTestSupport {

    private static final String PERIOD = "?from=2024-11-25T00:00:00Z&to=2024-11-27T00:00:00Z";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theOlarkIncidentTakes5640SecondsToMonitoringAnd12000ToResolve() throws Exception {
        String page = olark();

        HttpResponse<String> answer = get("/api/v1/pages/" + page + "/analytics" + PERIOD, "Bearer " + ANALYTICS_KEY);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode analytics = JSON.readTree(answer.body());
        assertThat(analytics.get("from").asString()).isEqualTo("2024-11-25T00:00:00Z");
        assertThat(analytics.get("incidents").asInt()).isEqualTo(1);
        assertThat(analytics.get("byImpact").toString()).isEqualTo("{\"none\":0,\"minor\":0,\"major\":1,\"critical\":0}");
        assertThat(analytics.get("byComponent").toString()).isEqualTo("{\"chat\":1,\"agents\":1}");
        assertThat(analytics.get("timeToMonitoring").toString())
                .isEqualTo("{\"count\":1,\"mean\":5640.0,\"p50\":5640,\"p90\":5640,\"max\":5640}");
        assertThat(analytics.get("timeToResolve").get("p50").asLong()).isEqualTo(12000);
        assertThat(analytics.get("timeToIdentify").get("p50").asLong()).isEqualTo(5640);
        assertThat(analytics.get("timeToPostmortem").get("p50").asLong()).isEqualTo(93420);
        assertThat(analytics.get("timeInStatus").get("investigating").get("max").asLong()).isEqualTo(5640);
        assertThat(analytics.get("timeInStatus").get("monitoring").get("max").asLong()).isEqualTo(6360);
        // Chat was in partial outage for the 5,640 s until monitoring; the period counts from the page's
        // creation at the opening to its end: 113,820 s. 100 × (1 − 0.3 × 5,640 / 113,820) = 98.5134.
        assertThat(analytics.get("components").get(0).toString()).isEqualTo(
                "{\"id\":\"chat\",\"majorOutageSeconds\":0,\"partialOutageSeconds\":5640,\"uptimePercent\":98.5134}");
        assertThat(analytics.get("components").get(1).get("uptimePercent").asDouble()).isEqualTo(100.0);
        assertThat(analytics.get("components").get(2).get("id").asString()).isEqualTo("web");
    }

    @Test
    void theCsvDownloadHoldsTheSameFiguresAsTheJson() throws Exception {
        String key = "Bearer " + ANALYTICS_KEY;
        String page = olark();
        JsonNode json = JSON.readTree(get("/api/v1/pages/" + page + "/analytics" + PERIOD, key).body());

        HttpResponse<String> csv = get("/api/v1/pages/" + page + "/analytics.csv" + PERIOD, key);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"" + page + "-analytics-2024-11-25-to-2024-11-27.csv\"");
        AnalyticsCsv.assertSameFigures(csv.body(), json);
        assertThat(get("/api/v1/pages/" + page + "/analytics.csv" + PERIOD, null).statusCode()).isEqualTo(401);
    }

    @Test
    void analyticsNeedAKeyWithAnalyticsRead() throws Exception {
        String page = olark();
        String path = "/api/v1/pages/" + page + "/analytics" + PERIOD;

        HttpResponse<String> anonymous = get(path, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(get(path, "Bearer not-a-key").statusCode()).isEqualTo(401);
        assertThat(get(path, "Bearer test-key").statusCode()).as("a key without analytics:read").isEqualTo(403);
    }

    @Test
    void aWrongPeriodOrPageIsNamed() throws Exception {
        String key = "Bearer " + ANALYTICS_KEY;
        String page = olark();

        HttpResponse<String> notAnInstant = get("/api/v1/pages/" + page + "/analytics?from=yesterday", key);
        assertThat(notAnInstant.statusCode()).isEqualTo(400);
        assertThat(notAnInstant.body()).contains("\"field\":\"from\"");
        assertThat(get("/api/v1/pages/" + page + "/analytics?from=2024-11-27T00:00:00Z&to=2024-11-25T00:00:00Z", key)
                .statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/pages/no-such-page/analytics", key).statusCode()).isEqualTo(404);
    }

    /** The Olark incident on a page of its own. */
    private String olark() {
        String page = unique("analytics");
        apply(OlarkIncident.OPENED, OlarkIncident.events(page, "inc_" + page).toArray(SitrepEvent[]::new));
        return page;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
