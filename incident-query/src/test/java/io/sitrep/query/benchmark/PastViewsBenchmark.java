package io.sitrep.query.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.query.QueryTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the past answers on a page with a long history: 100,000 resolved incidents over ten
 * years, written straight into the read models (an hour of partial outage each), then
 * {@code GET /api/v1/pages/{pageId}/summary?asOf=} and {@code ?knownAt=} at random instants, one
 * request at a time from a client in the same JVM. Prints the latencies. Run with
 * {@code ./mvnw -q -pl incident-query -am verify -Pbenchmark -Dtest=PastViewsBenchmark}.
 */
@Tag("benchmark")
class PastViewsBenchmark extends QueryTestSupport {

    private static final int INCIDENTS = 100_000;
    private static final int REQUESTS = 300;
    private static final Instant FIRST = Instant.parse("2015-01-01T00:00:00Z");
    private static final Duration APART = Duration.ofMinutes(52);

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void asOfAndKnownAtAnswerFastOnAPageWithAHundredThousandIncidents() throws Exception {
        String page = unique("long-history");
        apply(FIRST.minusSeconds(60), new PageDefined(page, "Long history", "UTC", null),
                new ComponentDefined(page, "api", "API", null, 0));
        history(page);
        Instant last = FIRST.plus(APART.multipliedBy(INCIDENTS));

        for (String parameter : List.of("asOf", "knownAt")) {
            Random random = new Random(7);
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < REQUESTS + 50; i++) {
                Instant at = FIRST.plusSeconds(random.nextLong(Duration.between(FIRST, last).toSeconds()));
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/pages/" + page + "/summary?" + parameter + "=" + at)).build(),
                        HttpResponse.BodyHandlers.ofString());
                long took = (System.nanoTime() - start) / 1000;
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                if (i >= 50) {
                    micros.add(took);
                }
            }
            micros.sort(null);
            System.out.printf("%s summary, %,d incidents: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)%n",
                    parameter, INCIDENTS, micros.get(micros.size() / 2) / 1000.0,
                    micros.get(micros.size() * 99 / 100) / 1000.0, micros.get(micros.size() - 1) / 1000.0,
                    micros.size());
        }
    }

    /** The incidents, each opened in partial outage of the API and resolved an hour later, as the projector would. */
    private void history(String page) {
        String incidents = "select g, 'past-' || :page || '-' || g as id, "
                + "cast(:first as timestamptz) + g * interval '52 minutes' as t from generate_series(0, :count - 1) g";
        jdbc.sql("insert into incident (incident_id, page_id, title, impact, status, created_at, updated_at, "
                        + "resolved_at, recorded_at, resolved_recorded_at, version) "
                        + "select id, :page, 'Incident ' || g, 'major', 'resolved', t, t + interval '1 hour', "
                        + "t + interval '1 hour', t, t + interval '1 hour', 2 from (" + incidents + ") s")
                .param("page", page).param("first", Timestamp.from(FIRST)).param("count", INCIDENTS).update();
        jdbc.sql("insert into incident_update (update_id, incident_id, status, label, message, occurred_at, "
                        + "recorded_at, version) "
                        + "select id || '-' || v, id, case v when 1 then 'investigating' else 'resolved' end, "
                        + "case v when 1 then 'Investigating' else 'Resolved' end, 'entry', "
                        + "t + (v - 1) * interval '1 hour', t + (v - 1) * interval '1 hour', v "
                        + "from (" + incidents + ") s, generate_series(1, 2) v")
                .param("page", page).param("first", Timestamp.from(FIRST)).param("count", INCIDENTS).update();
        jdbc.sql("insert into incident_component (incident_id, component_id, status, first_named) "
                        + "select id, 'api', 'operational', 1 from (" + incidents + ") s")
                .param("page", page).param("first", Timestamp.from(FIRST)).param("count", INCIDENTS).update();
        jdbc.sql("insert into component_status_change (page_id, component_id, incident_id, update_id, status, "
                        + "occurred_at, recorded_at) "
                        + "select :page, 'api', id, id || '-' || v, "
                        + "case v when 1 then 'partial_outage' else 'operational' end, "
                        + "t + (v - 1) * interval '1 hour', t + (v - 1) * interval '1 hour' "
                        + "from (" + incidents + ") s, generate_series(1, 2) v")
                .param("page", page).param("first", Timestamp.from(FIRST)).param("count", INCIDENTS).update();
        jdbc.sql("analyze").update();
    }
}
