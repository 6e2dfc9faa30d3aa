package io.sitrep.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitrep.local.NodeTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Prometheus alert rules and the Grafana dashboard in deploy/ (docs/operations.md explains both):
 * Prometheus's own promtool checks the rules and runs their tests, and every metric either file asks
 * for is served by the running services after a short run, so that no alert or panel silently
 * watches nothing. promtool comes with Debian's prometheus package, which {@code .ci/run} installs;
 * the promtool test is skipped where it is missing.
 */
class MonitoringFilesTest {

    private static final Path PROMETHEUS = Path.of("../prometheus").toAbsolutePath().normalize();
    private static final Path DASHBOARD = Path.of("../grafana/sitrep-pipeline.json");
    private static final Pattern METRIC = Pattern.compile("\\b((?:sitrep|http_server_requests|kafka_consumer)_[a-z_]+)\\b");

    @Test
    void promtoolChecksTheRulesAndTheirTestsPass() throws IOException, InterruptedException {
        assumeTrue(NodeTools.onPath("promtool"), "promtool is not installed");
        promtool("check", "rules", "sitrep-alerts.yaml");
        promtool("test", "rules", "sitrep-alerts-test.yaml");
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardAskForIsServed() throws IOException {
        Set<String> asked = new TreeSet<>(metricsIn(Files.readString(PROMETHEUS.resolve("sitrep-alerts.yaml"))));
        asked.addAll(metricsIn(Files.readString(DASHBOARD)));
        assertThat(asked).contains("sitrep_relay_lag_age_seconds", "sitrep_projection_lag_events",
                "sitrep_consumer_dead_letters_records_total", "http_server_requests_seconds_count");

        RunningSitrep sitrep = RunningSitrep.get();
        String page = "monitoring-" + System.nanoTime();
        sitrep.write("PUT", "/api/v1/pages/" + page, "{\"name\":\"Monitoring\",\"timeZone\":\"UTC\"}").expect(201);
        JsonNode opened = sitrep.write("POST", "/api/v1/pages/" + page + "/incidents",
                "{\"title\":\"Watched\",\"impact\":\"minor\",\"message\":\"Looking.\"}").expect(201).json();
        String incident = opened.get("incidentId").asString();
        long version = opened.get("version").asLong();
        sitrep.write("POST", "/api/v1/incidents/" + incident + "/updates", "{\"message\":\"\"}").expect(400);
        sitrep.read("/api/v1/incidents/" + incident + "?minVersion=" + version).expect(200);
        sitrep.read("/pages/" + page).expect(200);

        // Kafka's client metrics are bound on a schedule, up to a minute after the consumer first fetches.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String served = sitrep.metrics();
            // A timer's name alone (in a description, say) stands for its series: _count, _sum, _bucket, _max.
            assertThat(asked).allSatisfy(metric -> assertThat(served).as("%s is served", metric)
                    .containsPattern("(?m)^" + metric + "(_count|_sum|_bucket|_max)?[{ ]"));
        });
    }

    private static Set<String> metricsIn(String text) {
        Set<String> metrics = new TreeSet<>();
        Matcher metric = METRIC.matcher(text);
        while (metric.find()) {
            metrics.add(metric.group(1));
        }
        return metrics;
    }

    private static void promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
    }
}
