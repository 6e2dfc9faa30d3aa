package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an on-call engineer reads at {@code /actuator/prometheus}: commands by command and outcome,
 * problem answers by type, event-store appends, idempotent repeats and the relay's lag, each moving
 * with what the API did.
 */
class MetricsApiTest extends ApiTestSupport {

    @Test
    void commandsProblemsAppendsRepeatsAndTheRelaysLagAreCounted() {
        String pageId = newPage();
        String incidentId = openIncident(pageId);
        double accepted = value("sitrep_commands_seconds_count", "command=\"post-update\",outcome=\"accepted\"");
        double rejected = value("sitrep_commands_seconds_count", "command=\"start-monitoring\",outcome=\"rejected\"");
        double illegal = value("sitrep_api_problems_total", "status=\"409\",type=\"illegal-transition\"");
        double invalid = value("sitrep_api_problems_total", "status=\"400\",type=\"invalid-request\"");
        double appends = value("sitrep_event_store_appends_seconds_count", "");
        double repeats = value("sitrep_idempotent_repeats_requests_total", "");

        expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"Still looking.\"}",
                "Idempotency-Key", "metrics-" + incidentId), 200);
        expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"Still looking.\"}",
                "Idempotency-Key", "metrics-" + incidentId), 200);
        expect(api.post("/api/v1/incidents/" + incidentId + "/monitoring", "{\"message\":\"Watching.\"}"), 200);
        expect(api.post("/api/v1/incidents/" + incidentId + "/monitoring", "{\"message\":\"Watching again.\"}"), 409);
        expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"\"}"), 400);

        // The repeat is a command too, answered from the idempotency store: it appends nothing.
        assertThat(value("sitrep_commands_seconds_count", "command=\"post-update\",outcome=\"accepted\""))
                .isEqualTo(accepted + 2);
        assertThat(value("sitrep_commands_seconds_count", "command=\"start-monitoring\",outcome=\"rejected\""))
                .isEqualTo(rejected + 1);
        assertThat(value("sitrep_api_problems_total", "status=\"409\",type=\"illegal-transition\"")).isEqualTo(illegal + 1);
        assertThat(value("sitrep_api_problems_total", "status=\"400\",type=\"invalid-request\"")).isEqualTo(invalid + 1);
        assertThat(value("sitrep_event_store_appends_seconds_count", "")).isEqualTo(appends + 2);
        assertThat(value("sitrep_idempotent_repeats_requests_total", "")).isEqualTo(repeats + 1);
        assertThat(metrics()).contains("sitrep_commands_seconds_bucket{command=\"post-update\"");
        // The relay publishes what was stored: nothing is left, and nothing is waiting.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metrics())
                .containsPattern("(?m)^sitrep_relay_lag_events 0\\.0$")
                .containsPattern("(?m)^sitrep_relay_lag_age_seconds 0\\.0$"));
    }

    /** Every metric docs/operations.md lists for the write side is served (after the test above, in any order). */
    @Test
    void everyWriteSideMetricOfTheOperationsGuideIsServed() throws IOException {
        String guide = Files.readString(Path.of("../docs/operations.md"));
        String writeSide = guide.substring(guide.indexOf("## Write side"), guide.indexOf("## Read side"));
        Matcher row = Pattern.compile("(?m)^\\| `(sitrep_[a-z_]+)` \\|").matcher(writeSide);
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertThat(documented).hasSizeGreaterThanOrEqualTo(8);
        expect(api.post("/api/v1/pages/no-such-page/incidents", "{"), 400); // so that a problem has been answered
        String served = metrics();
        assertThat(documented).allSatisfy(name -> assertThat(served).as(name).containsPattern("(?m)^" + name + "[_{ ]"));
    }

    private String metrics() {
        return expect(api.as(null).get("/actuator/prometheus"), 200).body();
    }

    /** A sample's value, 0 when the series does not exist yet; {@code labels} are the first labels, in order. */
    private double value(String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{" + Pattern.quote(labels)
                + "[^}]*})? ([0-9.eE+-]+)$").matcher(metrics());
        return sample.find() ? Double.parseDouble(sample.group(2)) : 0;
    }
}
