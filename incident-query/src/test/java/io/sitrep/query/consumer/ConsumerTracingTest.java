package io.sitrep.query.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.EventEnvelope;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.query.readmodel.ReadModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The consumer applies each event in a span that continues the trace its CloudEvent carries, so a
 * command's trace ends with what each read model did with its events.
 */
@SpringBootTest(properties = {"sitrep.api-keys=test-key=admin", "sitrep.kafka.topic=" + ConsumerTracingTest.TOPIC,
        "sitrep.kafka.group=consumer-tracing",
        // Every new trace kept, so that the one an untraced event starts is seen too.
        "management.tracing.sampling.probability=1.0", "management.opentelemetry.tracing.export.schedule-delay=100ms"})
@AutoConfigureTracing
@Import(ConsumerTracingTest.Spans.class)
class ConsumerTracingTest {

    static final String TOPIC = "consumer-tracing-events";
    /** The relay's span of publishing the event, as its CloudEvent names it. */
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PUBLICATION = "b7ad6b7169203331";

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {

        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    InMemorySpanExporter spans;

    @Autowired
    ReadModel readModel;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        LocalPostgres.shared().addDataSourceProperties("incident_query_tracing", registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafka.shared().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
    }

    @Test
    void theSpanThatAppliesAnEventContinuesTheTraceOfItsCloudEvent() throws Exception {
        String traced = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        String untraced = "untraced-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope tracedEvent = pageDefined(traced).withTraceparent("00-" + TRACE_ID + "-" + PUBLICATION + "-01");
        EventEnvelope untracedEvent = pageDefined(untraced);

        publish(tracedEvent, untracedEvent);

        await("both pages applied").atMost(Duration.ofSeconds(30))
                .until(() -> readModel.page(traced).isPresent() && readModel.page(untraced).isPresent());
        SpanData applied = consumerSpanOf(tracedEvent);
        assertThat(applied.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(applied.getParentSpanId()).as("the relay's span").isEqualTo(PUBLICATION);
        assertThat(applied.getName()).isEqualTo("process " + TOPIC);
        assertThat(applied.getAttributes().asMap().values()).contains(traced, "io.sitrep.page.defined.v1");

        SpanData rooted = consumerSpanOf(untracedEvent);
        assertThat(rooted.getParentSpanContext().isValid()).as("an event outside a trace starts one").isFalse();
        assertThat(rooted.getTraceId()).isNotEqualTo(TRACE_ID);
    }

    private static EventEnvelope pageDefined(String pageId) {
        return CloudEventCodec.envelope(new PageDefined(pageId, "Traced", "UTC", null), UUID.randomUUID().toString(),
                Instant.now(), 1);
    }

    private void publish(EventEnvelope... envelopes) throws Exception {
        CloudEventCodec codec = new CloudEventCodec();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalKafka.shared().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope envelope : envelopes) {
                producer.send(new ProducerRecord<>(TOPIC, envelope.event().pageId(), codec.encode(envelope))).get();
            }
        }
    }

    /** The consumer's span of the event, once exported. */
    private SpanData consumerSpanOf(EventEnvelope envelope) {
        return await("the consumer's span of " + envelope.id()).atMost(Duration.ofSeconds(30))
                .until(() -> spans.getFinishedSpanItems().stream()
                        .filter(span -> span.getKind() == SpanKind.CONSUMER)
                        .filter(span -> span.getAttributes().asMap().containsValue(envelope.id()))
                        .findFirst(), found -> found.isPresent()).orElseThrow();
    }
}
