package io.sitrep.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitrep.local.LocalKafka;
import io.sitrep.local.NodeTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
    private static final Path OPERATIONS_GUIDE = Path.of("../../docs/operations.md");
    private static final String EVENT_TOPIC = "sitrep.incident-events";
    private static final Pattern METRIC = Pattern.compile("\\b((?:sitrep|http_server_requests|kafka_consumer)_[a-z_]+)\\b");

    @Test
    void promtoolChecksTheRulesAndTheirTestsPass() throws IOException, InterruptedException {
        assumeTrue(NodeTools.onPath("promtool"), "promtool is not installed");
        promtool("check", "rules", "sitrep-alerts.yaml");
        promtool("test", "rules", "sitrep-alerts-test.yaml");
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardAskForIsServed() throws Exception {
        Set<String> asked = new TreeSet<>(metricsIn(Files.readString(PROMETHEUS.resolve("sitrep-alerts.yaml"))));
        asked.addAll(metricsIn(Files.readString(DASHBOARD)));
        assertThat(asked).contains("sitrep_relay_lag_age_seconds", "sitrep_projection_lag_events",
                "sitrep_consumer_dead_letters_records_total", "http_server_requests_seconds_count");

        RunningSitrep sitrep = RunningSitrep.get();
        shortRun(sitrep);
        // Kafka's client metrics are bound on a schedule, up to a minute after the consumer first fetches.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String served = sitrep.metrics();
            assertThat(asked).allSatisfy(metric -> assertThat(valueOf(served, metric)).as("%s is served", metric)
                    .isNotNull());
        });
    }

    /**
     * Every metric docs/operations.md explains is served after a short run of the whole system, and
     * every count and timing among them moved in it. Gauges (lags and progress) are at rest after a
     * run: they must be there. Two counters count faults, which a short run does not cause; the
     * tests that cause them check that they move.
     */
    @Test
    void everyMetricTheOperationsGuideExplainsIsServedAndMovesInAShortRun() throws Exception {
        Set<String> explained = metricsIn(Files.readString(OPERATIONS_GUIDE).split("\n## Health")[0]);
        Set<String> gauges = Set.of("sitrep_relay_lag_events", "sitrep_relay_lag_age_seconds",
                "sitrep_projection_lag_events", "sitrep_projection_rebuild_progress_percent",
                "kafka_consumer_fetch_manager_records_lag");
        Set<String> faults = Set.of(
                "sitrep_relay_retries_batches_total", // RelayBrokerOutageTest, ClusterFaultTest
                "sitrep_consumer_database_unreachable_attempts_total"); // ReadModelOutageTest
        assertThat(explained).hasSizeGreaterThan(15).containsAll(gauges).containsAll(faults);

        RunningSitrep sitrep = RunningSitrep.get();
        String before = sitrep.metrics();
        shortRun(sitrep);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String after = sitrep.metrics();
            assertThat(explained).allSatisfy(metric -> {
                Double value = valueOf(after, metric);
                assertThat(value).as("%s is served", metric).isNotNull();
                if (!gauges.contains(metric) && !faults.contains(metric)) {
                    assertThat(value).as("%s moved in the run", metric)
                            .isGreaterThan(Objects.requireNonNullElse(valueOf(before, metric), 0.0));
                }
            });
        });
    }

    /**
     * What users do, briefly, and what the metrics count: a page, an incident and its update, a
     * request repeated with its Idempotency-Key, an invalid one, a read of one's own write, page
     * reads; on the topic, an event delivered twice and a record that is not an event at all.
     */
    private static void shortRun(RunningSitrep sitrep) throws Exception {
        String page = "monitoring-" + System.nanoTime();
        sitrep.write("PUT", "/api/v1/pages/" + page, "{\"name\":\"Monitoring\",\"timeZone\":\"UTC\"}").expect(201);
        JsonNode opened = sitrep.write("POST", "/api/v1/pages/" + page + "/incidents",
                "{\"title\":\"Watched\",\"impact\":\"minor\",\"message\":\"Looking.\"}").expect(201).json();
        String incident = opened.get("incidentId").asString();
        for (int i = 0; i < 2; i++) {
            sitrep.write("POST", "/api/v1/incidents/" + incident + "/updates", "{\"message\":\"Still looking.\"}",
                    "Idempotency-Key", "update-" + page).expect(200);
        }
        sitrep.write("POST", "/api/v1/incidents/" + incident + "/updates", "{\"message\":\"\"}").expect(400);
        sitrep.read("/api/v1/incidents/" + incident + "?minVersion=2").expect(200);
        sitrep.read("/pages/" + page).expect(200);
        sitrep.read("/pages/" + page).expect(200);

        String delivered = page + "-twice";
        byte[] event = ("""
                {"specversion":"1.0","id":"%s","source":"/sitrep/pages/%s","type":"io.sitrep.page.defined.v1",
                 "subject":"%2$s","time":"%s","sequence":"0000000001","datacontenttype":"application/json",
                 "data":{"pageId":"%2$s","name":"Delivered twice","timeZone":"UTC","version":1}}"""
                .formatted(UUID.randomUUID(), delivered, Instant.now())).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalKafka.shared().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(EVENT_TOPIC, delivered, event)).get();
            producer.send(new ProducerRecord<>(EVENT_TOPIC, delivered, event)).get();
            producer.send(new ProducerRecord<>(EVENT_TOPIC, delivered,
                    "not an event".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    /**
     * A metric's value as served: the sum of its series (of their {@code _count}, for a timer), or
     * null when no series reads a number. (Kafka's client reports a partition's lag as NaN while its
     * consumer has not fetched from it lately.)
     */
    private static Double valueOf(String served, String metric) {
        Matcher series = Pattern.compile("(?m)^" + metric + "(_count)?(\\{[^}]*})? (\\S+)$").matcher(served);
        Double sum = null;
        boolean counted = served.contains("\n" + metric + "_count");
        while (series.find()) {
            double value = Double.parseDouble(series.group(3));
            if (counted == (series.group(1) != null) && !Double.isNaN(value)) {
                sum = (sum == null ? 0 : sum) + value;
            }
        }
        return sum;
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
