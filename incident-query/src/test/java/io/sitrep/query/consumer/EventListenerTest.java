package io.sitrep.query.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.EventEnvelope;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.local.LocalKafka;
import io.sitrep.query.QueryTestSupport;
import io.sitrep.query.readmodel.ReadModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Records on the real topic reach the read models; poison records go to the dead-letter topic. */
class EventListenerTest extends QueryTestSupport {

    private static final Instant NOW = Instant.parse("2024-11-25T16:23:00Z");

    @Autowired
    ReadModel readModel;

    @Autowired
    MeterRegistry meters;

    @Value("${sitrep.kafka.topic}")
    String topic;

    @Value("${sitrep.kafka.dead-letter-topic}")
    String deadLetterTopic;

    private final CloudEventCodec codec = new CloudEventCodec();
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafka.shared().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void eventsOnTheTopicReachTheReadModels() throws Exception {
        String page = unique("topic");
        publish(page, envelope(new PageDefined(page, "From Kafka", "UTC", null), NOW));
        publish(page, envelope(new IncidentOpened("inc_" + page, page, page + "-u1", "Seen via Kafka",
                Impact.MINOR, IncidentStatus.INVESTIGATING, "m", Map.of(), NOW), NOW));

        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.incident("inc_" + page).isPresent());
        assertThat(readModel.page(page).orElseThrow().name()).isEqualTo("From Kafka");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndOtherPagesKeepFlowing() throws Exception {
        double before = deadLetters();
        String poisoned = unique("poisoned");
        String healthy = unique("healthy");
        publishRaw(poisoned, "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8));
        publishRaw(poisoned, """
                {"specversion":"1.0","id":"x","source":"/sitrep/pages/p","type":"io.sitrep.page.renamed.v9","data":{}}"""
                .getBytes(StandardCharsets.UTF_8));
        // Well-formed, but it can never be applied: the component's page never existed (retried, then parked).
        publish(poisoned, envelope(new ComponentDefined(poisoned, "api", "API", null, 0), NOW));
        publish(healthy, envelope(new PageDefined(healthy, "Still flowing", "UTC", null), NOW));

        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.page(healthy).isPresent());
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters() >= before + 3);

        List<ConsumerRecord<String, byte[]>> parked = deadLettersOf(poisoned, 3);
        assertThat(parked).extracting(record -> new String(record.headers().lastHeader("kafka_dlt-exception-message")
                .value(), StandardCharsets.UTF_8))
                .anySatisfy(reason -> assertThat(reason).contains("Not a CloudEvent"))
                .anySatisfy(reason -> assertThat(reason).contains("io.sitrep.page.renamed.v9"))
                .anySatisfy(reason -> assertThat(reason).contains("arrived before its page"));
        assertThat(readModel.page(poisoned)).isEmpty();
    }

    /**
     * What the consumer and the read API count, as docs/operations.md lists them for the read side:
     * events by type and those skipped as applied already, minVersion waits by outcome, page reads
     * by cache result, and each read model's lag and rebuild progress; every one of them is served.
     */
    @Test
    void theReadSideMetricsOfTheOperationsGuideAreServedAndMove() throws Exception {
        String page = unique("metrics");
        String incident = "inc_" + page;
        EventEnvelope opened = envelope(new IncidentOpened(incident, page, page + "-u1", "Counted", Impact.MINOR,
                IncidentStatus.INVESTIGATING, "m", Map.of(), NOW), NOW);
        double openedBefore = counter("sitrep.consumer.events", "type", "incident.opened");
        double skippedBefore = counter("sitrep.consumer.skipped", null, null);
        double readsBefore = counter("sitrep.page.cache.requests", "result", "hit")
                + counter("sitrep.page.cache.requests", "result", "miss") + counter("sitrep.page.cache.requests", "result", "off");

        publish(page, envelope(new PageDefined(page, "Counted", "UTC", null), NOW));
        publish(page, opened);
        publish(page, opened); // redelivered: skipped
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(counter("sitrep.consumer.events", "type", "incident.opened")).isEqualTo(openedBefore + 2);
            assertThat(counter("sitrep.consumer.skipped", null, null)).isEqualTo(skippedBefore + 1);
        });

        assertThat(get("/api/v1/incidents/" + incident + "?minVersion=1").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/incidents/" + incident + "?minVersion=2").statusCode()).isEqualTo(503);
        assertThat(meters.get("sitrep.read.min.version").tag("outcome", "applied").timer().count()).isPositive();
        assertThat(meters.get("sitrep.read.min.version").tag("outcome", "timeout").timer().count()).isPositive();
        get("/pages/" + page);
        get("/pages/" + page);
        assertThat(counter("sitrep.page.cache.requests", "result", "hit")
                + counter("sitrep.page.cache.requests", "result", "miss")
                + counter("sitrep.page.cache.requests", "result", "off")).isEqualTo(readsBefore + 2);

        String served = get("/actuator/prometheus").body();
        assertThat(served).containsPattern("(?m)^sitrep_projection_lag_events\\{projection=\"status-pages\"} [0-9]")
                .containsPattern("(?m)^sitrep_projection_rebuild_progress_percent\\{projection=\"uptime\"} 100\\.0$");
        String guide = Files.readString(Path.of("../docs/operations.md"));
        String readSide = guide.substring(guide.indexOf("## Read side"));
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(readSide.substring(0, readSide.indexOf("\n## ")));
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertThat(documented).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(name -> assertThat(served).as(name).containsPattern("(?m)^" + name + "[_{ ]"));
    }

    private double counter(String name, String tag, String value) {
        var search = meters.find(name);
        var counter = (tag == null ? search : search.tag(tag, value)).counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void publish(String key, EventEnvelope envelope) throws Exception {
        publishRaw(key, codec.encode(envelope));
    }

    private void publishRaw(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private double deadLetters() {
        return meters.get("sitrep.consumer.dead.letters").counter().count();
    }

    private List<ConsumerRecord<String, byte[]>> deadLettersOf(String key, int count) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalKafka.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, unique("dead-letter-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(deadLetterTopic));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await(count + " dead letters for " + key).atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                            if (key.equals(record.key())) {
                                found.add(record);
                            }
                        });
                        return found.size() >= count;
                    });
            return found;
        }
    }
}
