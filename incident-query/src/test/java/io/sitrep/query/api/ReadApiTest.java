package io.sitrep.query.api;

import static io.sitrep.events.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.sitrep.events.ComponentStatus.MAJOR_OUTAGE;
import static io.sitrep.events.ComponentStatus.OPERATIONAL;
import static io.sitrep.events.ComponentStatus.UNDER_MAINTENANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.query.QueryTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReadApiTest extends QueryTestSupport {

    private static final Instant T0 = Instant.parse("2024-11-25T16:23:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSummaryShowsTheWorstStatusTheComponentsAndTheUnresolvedIncidents() throws Exception {
        String page = unique("summary");
        apply(T0, new PageDefined(page, "Summary page", "Europe/Berlin", null),
                new ComponentDefined(page, "api", "API", "Platform", 0),
                new ComponentDefined(page, "web", "Website", null, 1));
        JsonNode calm = json(get("/api/v1/pages/" + page + "/summary"), 200);
        assertThat(calm.get("status").toString())
                .isEqualTo("{\"indicator\":\"none\",\"description\":\"All Systems Operational\"}");

        apply(T0, new IncidentOpened("inc_m" + page, page, page + "-m1", "Maintenance window", Impact.NONE,
                IncidentStatus.IDENTIFIED, "planned", Map.of("web", UNDER_MAINTENANCE), T0));
        assertThat(json(get("/api/v1/pages/" + page + "/summary"), 200).get("status").get("indicator").asString())
                .isEqualTo("maintenance");

        apply(T0, new IncidentOpened("inc_s" + page, page, page + "-s1", "API slow", Impact.MINOR,
                        IncidentStatus.INVESTIGATING, "looking", Map.of("api", DEGRADED_PERFORMANCE), T0.plusSeconds(60)),
                new UpdatePosted("inc_s" + page, page, page + "-s2", "API slow", Impact.MINOR, IncidentStatus.IDENTIFIED,
                        IncidentStatus.IDENTIFIED, "found it", Map.of(), T0.plusSeconds(120)));
        JsonNode summary = json(get("/api/v1/pages/" + page + "/summary"), 200);

        assertThat(summary.get("page").toString())
                .isEqualTo("{\"id\":\"" + page + "\",\"name\":\"Summary page\",\"timeZone\":\"Europe/Berlin\"}");
        assertThat(summary.get("status").toString())
                .isEqualTo("{\"indicator\":\"minor\",\"description\":\"Minor Service Outage\"}");
        assertThat(summary.get("components").get(0).toString())
                .isEqualTo("{\"id\":\"api\",\"name\":\"API\",\"group\":\"Platform\",\"status\":\"degraded_performance\"}");
        JsonNode newest = summary.get("incidents").get(0);
        assertThat(newest.get("title").asString()).isEqualTo("API slow");
        assertThat(newest.get("status").asString()).isEqualTo("identified");
        assertThat(newest.get("version").asLong()).isEqualTo(2);
        assertThat(newest.get("createdAt").asString()).isEqualTo("2024-11-25T16:24:00Z");
        assertThat(newest.get("postmortem").isNull()).isTrue();
        assertThat(newest.get("updates").get(0).toString()).contains("\"label\":\"Identified\"",
                "\"message\":\"found it\"", "\"occurredAt\":\"2024-11-25T16:25:00Z\"");
        assertThat(newest.get("updates").get(1).get("label").asString()).isEqualTo("Investigating");
        assertThat(summary.get("incidents")).hasSize(2);
    }

    @Test
    void incidentsArePagedWithACursorAndFilteredByStatus() throws Exception {
        String page = unique("paged");
        apply(T0, new PageDefined(page, "Paged", "UTC", null));
        for (int i = 0; i < 5; i++) {
            String id = "inc_" + i + page;
            apply(T0, new IncidentOpened(id, page, id + "-u", "Incident " + i, Impact.MINOR,
                    IncidentStatus.INVESTIGATING, "m", Map.of(), T0.plusSeconds(60L * i)));
            if (i < 2) {
                apply(T0, new IncidentResolved(id, page, id + "-r", "Incident " + i, Impact.MINOR, "done", Map.of(),
                        T0.plusSeconds(60L * i + 30)));
            }
        }
        List<String> titles = new ArrayList<>();
        String next = "/api/v1/pages/" + page + "/incidents?limit=2";
        while (next != null) {
            JsonNode list = json(get(next), 200);
            list.get("items").forEach(item -> titles.add(item.get("title").asString()));
            next = list.get("nextCursor").isNull() ? null
                    : "/api/v1/pages/" + page + "/incidents?limit=2&cursor=" + list.get("nextCursor").asString();
        }
        assertThat(titles).containsExactly("Incident 4", "Incident 3", "Incident 2", "Incident 1", "Incident 0");
        assertThat(json(get("/api/v1/pages/" + page + "/incidents?status=resolved"), 200).get("items"))
                .extracting(item -> item.get("title").asString()).containsExactly("Incident 1", "Incident 0");

        problem(get("/api/v1/pages/" + page + "/incidents?status=open"), 400);
        problem(get("/api/v1/pages/" + page + "/incidents?limit=0"), 400);
        problem(get("/api/v1/pages/" + page + "/incidents?limit=many"), 400);
        problem(get("/api/v1/pages/" + page + "/incidents?cursor=bm9wZQ"), 400);
        problem(get("/api/v1/pages/no-such-page/incidents"), 404);
    }

    @Test
    void minVersionWaitsUntilTheReadModelHasAppliedIt() throws Exception {
        String page = unique("wait");
        String id = "inc_" + page;
        apply(T0, new PageDefined(page, "Wait", "UTC", null), new IncidentOpened(id, page, id + "-u1", "Waiting",
                Impact.MINOR, IncidentStatus.INVESTIGATING, "m", Map.of(), T0));
        var later = envelope(new UpdatePosted(id, page, id + "-u2", "Waiting", Impact.MINOR, null,
                IncidentStatus.INVESTIGATING, "arrives late", Map.of(), T0), T0);

        CompletableFuture<Void> delayed = CompletableFuture.runAsync(() -> projector.apply(later),
                CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
        JsonNode incident = json(get("/api/v1/incidents/" + id + "?minVersion=2"), 200);
        delayed.join();

        assertThat(incident.get("version").asLong()).isEqualTo(2);
        assertThat(incident.get("updates").get(0).get("message").asString()).isEqualTo("arrives late");
    }

    @Test
    void aVersionNeverAppliedAnswers503WithRetryAfter() throws Exception {
        String page = unique("never");
        String id = "inc_" + page;
        apply(T0, new PageDefined(page, "Never", "UTC", null), new IncidentOpened(id, page, id + "-u1", "Stuck",
                Impact.MINOR, IncidentStatus.INVESTIGATING, "m", Map.of(), T0));
        HttpResponse<String> answer = get("/api/v1/incidents/" + id + "?minVersion=9");
        problem(answer, 503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        problem(get("/api/v1/incidents/inc_unknown"), 404);
    }

    @Test
    void anUnchangedSummaryAnswers304ToItsETag() throws Exception {
        String page = unique("etag");
        apply(T0, new PageDefined(page, "ETag", "UTC", null));
        HttpResponse<String> first = get("/api/v1/pages/" + page + "/summary");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/pages/" + page + "/summary")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);

        apply(T0, new ComponentDefined(page, "api", "API", null, 0));
        assertThat(get("/api/v1/pages/" + page + "/summary").headers().firstValue("ETag")).isNotEqualTo(
                java.util.Optional.of(etag));
    }

    @Test
    void aPathTheServerCannotReadIsAProblemToo() throws Exception {
        for (String path : List.of("/api/v1/pages/..%2F..%2Fx/summary", "/api/v1/incidents/a%00b", "/pages/a%5Cb")) {
            HttpResponse<String> response = get(path);
            problem(response, 400);
            assertThat(JSON.readTree(response.body()).get("type").asString())
                    .isEqualTo("urn:sitrep:problem:malformed-request");
        }
    }

    @Test
    void aComponentsUptimeCountsItsOutagesDayByDayInThePagesZone() throws Exception {
        String page = unique("uptime");
        String incident = "inc_" + page;
        // The tests' clock stands at 2025-06-18T12:34Z, 14:34 in Berlin; the component exists from 13 June.
        apply(NOW.minus(Duration.ofDays(5)), new PageDefined(page, "Uptime page", "Europe/Berlin", null),
                new ComponentDefined(page, "api", "API", null, 0));
        apply(NOW, new IncidentOpened(incident, page, page + "-1", "API down", Impact.CRITICAL,
                        IncidentStatus.INVESTIGATING, "down", Map.of("api", MAJOR_OUTAGE),
                        Instant.parse("2025-06-17T08:00:00Z")),
                new IncidentResolved(incident, page, page + "-2", "API down", Impact.CRITICAL, "fixed",
                        Map.of("api", OPERATIONAL), Instant.parse("2025-06-17T09:00:00Z")));

        JsonNode days = json(get("/api/v1/pages/" + page + "/components/api/uptime?days=7"), 200).get("days");

        assertThat(days).hasSize(7);
        assertThat(days.get(0).toString()).isEqualTo("{\"date\":\"2025-06-12\",\"uptimePercent\":null,"
                + "\"majorOutageSeconds\":0,\"partialOutageSeconds\":0,\"incidentIds\":[]}");
        assertThat(days.get(1).get("uptimePercent").asDouble()).isEqualTo(100.0);
        assertThat(days.get(5).toString()).isEqualTo("{\"date\":\"2025-06-17\",\"uptimePercent\":95.8333,"
                + "\"majorOutageSeconds\":3600,\"partialOutageSeconds\":0,\"incidentIds\":[\"" + incident + "\"]}");
        assertThat(days.get(6).get("date").asString()).isEqualTo("2025-06-18");
        assertThat(days.get(6).get("uptimePercent").asDouble()).isEqualTo(100.0);
        assertThat(json(get("/api/v1/pages/" + page + "/components/api/uptime"), 200).get("days")).hasSize(90);
    }

    @Test
    void asOfShowsThePageAsItStoodAndKnownAtWhatItShowed() throws Exception {
        String page = unique("past");
        String incident = "inc_" + page;
        Instant happened = NOW.minus(Duration.ofHours(5));
        Instant recorded = NOW.minus(Duration.ofHours(1));
        apply(NOW.minus(Duration.ofDays(1)), new PageDefined(page, "Past page", "UTC", null),
                new ComponentDefined(page, "api", "API", null, 0));
        // Recorded an hour ago, backdated: the outage happened five hours ago and lasted an hour.
        apply(recorded, new IncidentOpened(incident, page, page + "-1", "API down", Impact.CRITICAL,
                        IncidentStatus.INVESTIGATING, "down", Map.of("api", MAJOR_OUTAGE), happened),
                new IncidentResolved(incident, page, page + "-2", "API down", Impact.CRITICAL, "fixed",
                        Map.of("api", OPERATIONAL), happened.plus(Duration.ofHours(1))));
        String then = happened.plus(Duration.ofMinutes(30)).toString();

        JsonNode asOf = json(get("/api/v1/pages/" + page + "/summary?asOf=" + then), 200);
        assertThat(asOf.get("status").get("indicator").asString()).isEqualTo("critical");
        assertThat(asOf.get("components").get(0).get("status").asString()).isEqualTo("major_outage");
        assertThat(asOf.get("incidents").get(0).get("status").asString()).isEqualTo("investigating");
        JsonNode knownAt = json(get("/api/v1/pages/" + page + "/summary?knownAt=" + then), 200);
        assertThat(knownAt.get("status").get("indicator").asString()).as("nothing was recorded yet").isEqualTo("none");
        assertThat(knownAt.get("incidents")).isEmpty();

        JsonNode incidentThen = json(get("/api/v1/incidents/" + incident + "?asOf=" + then), 200);
        assertThat(incidentThen.get("status").asString()).isEqualTo("investigating");
        assertThat(incidentThen.get("resolvedAt").isNull()).isTrue();
        assertThat(incidentThen.get("updates")).hasSize(1);
        problem(get("/api/v1/incidents/" + incident + "?knownAt=" + then), 404);
        problem(get("/api/v1/incidents/" + incident + "?asOf=" + happened.minusSeconds(1)), 404);
        assertThat(json(get("/api/v1/incidents/" + incident + "?knownAt=" + NOW), 200).get("status").asString())
                .isEqualTo("resolved");
    }

    @Test
    void thePastNamesWhatIsWrongWithTheRequest() throws Exception {
        String page = unique("past-bad");
        apply(NOW, new PageDefined(page, "Past page", "UTC", null));

        problem(get("/api/v1/pages/" + page + "/summary?knownAt=" + NOW.minusSeconds(60)), 404);
        problem(get("/api/v1/pages/" + page + "/summary?asOf=yesterday"), 400);
        problem(get("/api/v1/pages/" + page + "/summary?asOf=" + NOW + "&knownAt=" + NOW), 400);
    }

    @Test
    void uptimeNamesWhatIsWrongWithTheRequest() throws Exception {
        String page = unique("uptime-bad");
        apply(NOW, new PageDefined(page, "Uptime page", "UTC", null), new ComponentDefined(page, "api", "API", null, 0));

        problem(get("/api/v1/pages/" + page + "/components/api/uptime?days=0"), 400);
        problem(get("/api/v1/pages/" + page + "/components/api/uptime?days=367"), 400);
        problem(get("/api/v1/pages/" + page + "/components/api/uptime?days=many"), 400);
        problem(get("/api/v1/pages/" + page + "/components/nope/uptime"), 404);
        problem(get("/api/v1/pages/no-such-page/components/api/uptime"), 404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static void problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isNotBlank();
    }
}
