package io.sitrep.query;

import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.SitrepEvent;
import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.query.readmodel.Projector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running incident-query on a real PostgreSQL and a real Kafka broker, shared by the test
 * classes that extend it (one Spring context); each test works on pages of its own. Its clock
 * stands still at {@link #NOW}, so that what the pages show of "today" never depends on when the
 * tests run (a run across midnight included).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sitrep.api-keys=test-key=admin;" + QueryTestSupport.ANALYTICS_KEY + "=analytics:read")
@Import(QueryTestSupport.FixedClock.class)
public abstract class QueryTestSupport {

    /** The time on incident-query's clock in these tests: a Wednesday afternoon in Berlin, far from a clock change. */
    public static final Instant NOW = Instant.parse("2025-06-18T12:34:00Z");
    /** An API key with analytics:read (test-key has admin only). */
    protected static final String ANALYTICS_KEY = "analytics-key";

    @TestConfiguration
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    protected static final String EVENT_TOPIC = "sitrep.incident-events";

    @LocalServerPort
    protected int port;

    @Autowired
    protected Projector projector;

    /** The versions handed out so far, per aggregate, so that a test's events carry real sequences. */
    private final Map<String, Long> versions = new HashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        LocalPostgres.shared().addDataSourceProperties("incident_query_it", registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
        createEventTopic();
    }

    /** incident-command creates the event topic; here the test stands in for it. */
    private static void createEventTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafka.shared().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(EVENT_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(EVENT_TOPIC, 3, (short) 1))).all().get();
            }
        }
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Applies events as the consumer would, each the next version of its aggregate, recorded at {@code at}. */
    protected void apply(Instant at, SitrepEvent... events) {
        for (SitrepEvent event : events) {
            projector.apply(envelope(event, at));
        }
    }

    protected io.sitrep.events.EventEnvelope envelope(SitrepEvent event, Instant recordedAt) {
        String aggregate = event instanceof io.sitrep.events.IncidentEvent incident ? incident.incidentId()
                : event.pageId();
        long version = versions.merge(aggregate, 1L, Long::sum);
        return CloudEventCodec.envelope(event, UUID.randomUUID().toString(), recordedAt, version);
    }
}
