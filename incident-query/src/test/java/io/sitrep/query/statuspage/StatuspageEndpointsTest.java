package io.sitrep.query.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.PostmortemPublished;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.query.QueryTestSupport;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Statuspage-compatible JSON and the feeds, served from events fed through the projector. */
class StatuspageEndpointsTest extends QueryTestSupport {

    static final Instant OPENED = Instant.parse("2024-11-25T16:23:00Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private String pageId;

    @BeforeEach
    void aPageWithAGroupAnOpenIncidentAndOneWithAPostmortem() {
        pageId = unique("olark");
        apply(OPENED.minusSeconds(86_400),
                new PageDefined(pageId, "Olark Live Chat", "America/Los_Angeles", null),
                new ComponentDefined(pageId, "api", "API", "Tenfold", 0),
                new ComponentDefined(pageId, "chat", "Chat", null, 1),
                new ComponentDefined(pageId, "dashboard", "Dashboard", "Tenfold", 2));
        apply(OPENED,
                new IncidentOpened(pageId + "-old", pageId, pageId + "-u1", "Old outage", Impact.CRITICAL,
                        IncidentStatus.INVESTIGATING, "Down", Map.of("chat", ComponentStatus.MAJOR_OUTAGE), OPENED),
                new IncidentResolved(pageId + "-old", pageId, pageId + "-u2", "Old outage", Impact.CRITICAL, "Fixed",
                        Map.of("chat", ComponentStatus.OPERATIONAL), OPENED.plusSeconds(600)),
                new PostmortemPublished(pageId + "-old", pageId, "Old outage", Impact.CRITICAL, "# Why",
                        OPENED.plusSeconds(3600)));
        apply(OPENED.plusSeconds(7200),
                new IncidentOpened(pageId + "-new", pageId, pageId + "-u3", "API <slow>", Impact.MINOR,
                        IncidentStatus.IDENTIFIED, "Slow", Map.of("api", ComponentStatus.DEGRADED_PERFORMANCE),
                        OPENED.plusSeconds(7000)),
                new UpdatePosted(pageId + "-new", pageId, pageId + "-u4", "API <slow>", Impact.MINOR, null,
                        IncidentStatus.IDENTIFIED, "Still slow", Map.of(), OPENED.plusSeconds(7100)));
    }

    @Test
    void summaryShowsTheStatusGroupedComponentsAndUnresolvedIncidents() throws Exception {
        HttpResponse<String> response = get("/pages/" + pageId + "/api/v2/summary.json",
                "Origin", "https://widget.example");
        JsonNode summary = JsonMapper.shared().readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(summary.get("page").get("url").asString()).isEqualTo("http://127.0.0.1:" + port + "/pages/" + pageId);
        assertThat(summary.get("page").get("time_zone").asString()).isEqualTo("America/Los_Angeles");
        assertThat(summary.get("page").get("updated_at").asString()).isEqualTo("2024-11-25T10:21:20.000-08:00");
        assertThat(summary.get("status").get("indicator").asString()).isEqualTo("minor");
        assertThat(summary.get("components").valueStream().map(c -> c.get("name").asString()))
                .containsExactly("Tenfold", "API", "Dashboard", "Chat");
        assertThat(summary.get("components").get(0).get("status").asString()).isEqualTo("degraded_performance");
        assertThat(summary.get("components").get(1).get("group_id").asString())
                .isEqualTo(summary.get("components").get(0).get("id").asString());
        JsonNode incident = summary.get("incidents").get(0);
        assertThat(summary.get("incidents")).hasSize(1);
        assertThat(incident.get("name").asString()).isEqualTo("API <slow>");
        assertThat(incident.get("shortlink").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/pages/" + pageId + "/incidents/" + pageId + "-new");
        assertThat(incident.get("incident_updates").get(0).get("status").asString()).isEqualTo("identified");
        assertThat(incident.get("incident_updates").get(0).get("created_at").asString())
                .isEqualTo("2024-11-25T10:23:00.000-08:00");
        assertThat(summary.get("scheduled_maintenances")).isEmpty();
    }

    @Test
    void incidentsListsTheRecentIncidentsNewestFirstWithPostmortemAsStatus() throws Exception {
        JsonNode incidents = JsonMapper.shared().readTree(get("/pages/" + pageId + "/api/v2/incidents.json").body())
                .get("incidents");

        assertThat(incidents.valueStream().map(i -> i.get("status").asString()))
                .containsExactly("identified", "postmortem");
        assertThat(incidents.get(1).get("resolved_at").asString()).isEqualTo("2024-11-25T08:33:00.000-08:00");
    }

    @Test
    void scheduledMaintenancesAreEmptyLists() throws Exception {
        for (String path : new String[] {"scheduled-maintenances.json", "scheduled-maintenances/upcoming.json",
                "scheduled-maintenances/active.json"}) {
            JsonNode answer = JsonMapper.shared().readTree(get("/pages/" + pageId + "/api/v2/" + path).body());

            assertThat(answer.get("page").get("id").asString()).isEqualTo(pageId);
            assertThat(answer.get("scheduled_maintenances")).isEmpty();
        }
    }

    @Test
    void anUnknownPageIsANotFoundProblem() throws Exception {
        Map<String, String> accepting = Map.of("/pages/nobody/api/v2/status.json", "application/json",
                "/pages/nobody/history.atom", "application/atom+xml, application/xml;q=0.9");
        for (Map.Entry<String, String> request : accepting.entrySet()) {
            HttpResponse<String> response = get(request.getKey(), "Accept", request.getValue());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"type\":\"urn:sitrep:problem:not-found\"");
        }
    }

    @Test
    void theFeedsAreServedAsUtf8AndRead() throws Exception {
        HttpResponse<String> atom = get("/pages/" + pageId + "/history.atom");
        HttpResponse<String> rss = get("/pages/" + pageId + "/history.rss");

        assertThat(atom.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=UTF-8");
        assertThat(rss.headers().firstValue("Content-Type")).hasValue("application/rss+xml;charset=UTF-8");
        assertThat(new SyndFeedInput().build(new StringReader(rss.body())).getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("API <slow> [Identified]", "Old outage");
        assertThat(rss.body()).containsPattern("<atom:link [^>]*href=\"http://[^\"]+/pages/" + pageId
                + "/history.rss\"[^>]*/>").contains("rel=\"self\"").contains("xmlns:atom=\"http://www.w3.org/2005/Atom\"");
    }

    /** GETs the path with these headers, given as name, value, name, value... */
    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
