package io.sitrep.bench;

import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.EventEnvelope;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.events.SitrepEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Years of history written straight onto the event topic, as the relay would have published it:
 * {@value #PAGES} pages of {@value #COMPONENTS} components, and incidents on them (opened, updated
 * {@value #UPDATES} times, resolved, each entry naming components), hundreds of them under way at
 * once so that pages' events interleave as they do in a real stream. Half the incidents are on one
 * page, {@link #BIG_PAGE}, so that one page has a long past to look back into.
 */
final class TopicHistory {

    static final int PAGES = 1_000;
    static final int COMPONENTS = 5;
    static final int UPDATES = 3;
    static final String BIG_PAGE = "history-big";
    private static final int UNDER_WAY = 500;
    private static final Instant BEGIN = Instant.parse("2023-01-01T00:00:00Z");
    /** Between one incident's opening and the next's, across the whole history. */
    private static final Duration SPACING = Duration.ofMinutes(3);

    private final Random random = new Random(42);
    private final CloudEventCodec codec = new CloudEventCodec();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Exception> refused = new AtomicReference<>();
    private long incidents;
    private long incidentsOnBigPage;

    /** One incident's events, sent one at a time. */
    private record UnderWay(List<SitrepEvent> events, int next) {
    }

    long sent() {
        return sent.get();
    }

    /** An instant of the history, at random: when it had some of its incidents behind it and some ahead. */
    Instant someInstant() {
        return BEGIN.plusSeconds(ThreadLocalRandom.current().nextLong(Math.max(1, SPACING.toSeconds() * incidents)));
    }

    /** Incidents on {@link #BIG_PAGE}. */
    long incidentsOnBigPage() {
        return incidentsOnBigPage;
    }

    /** Writes about {@code events} events (every page's definition, then whole incidents) onto the topic. */
    void write(String bootstrapServers, String topic, long events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            for (int p = 0; p < PAGES; p++) {
                String page = page(p);
                send(producer, topic, new PageDefined(page, "History " + p, "Europe/Berlin", null), 1, BEGIN);
                for (int c = 0; c < COMPONENTS; c++) {
                    send(producer, topic, new ComponentDefined(page, "c" + c, "Component " + c, null, c), c + 2, BEGIN);
                }
            }
            List<UnderWay> underWay = new ArrayList<>();
            long incidentEvents = events - sent.get();
            long toOpen = incidentEvents / (UPDATES + 2);
            while (incidents < toOpen || !underWay.isEmpty()) {
                if (incidents < toOpen && underWay.size() < UNDER_WAY) {
                    underWay.add(new UnderWay(incident(), 0));
                    continue;
                }
                int pick = random.nextInt(underWay.size());
                UnderWay incident = underWay.get(pick);
                SitrepEvent event = incident.events().get(incident.next());
                send(producer, topic, event, incident.next() + 1, ((IncidentEvent) event).occurredAt());
                if (incident.next() + 1 == incident.events().size()) {
                    underWay.set(pick, underWay.get(underWay.size() - 1));
                    underWay.remove(underWay.size() - 1);
                } else {
                    underWay.set(pick, new UnderWay(incident.events(), incident.next() + 1));
                }
            }
            producer.flush();
        }
        if (refused.get() != null) {
            throw new IllegalStateException("Kafka refused an event of the history", refused.get());
        }
    }

    /** The next incident's events: on the big page every other time, else on a random page. */
    private List<SitrepEvent> incident() {
        long n = incidents++;
        String page;
        if (n % 2 == 0) {
            page = BIG_PAGE;
            incidentsOnBigPage++;
        } else {
            page = page(1 + random.nextInt(PAGES - 1));
        }
        String id = "inc_h" + n;
        Impact impact = Impact.values()[random.nextInt(Impact.values().length)];
        String component = "c" + random.nextInt(COMPONENTS);
        ComponentStatus outage = random.nextBoolean() ? ComponentStatus.MAJOR_OUTAGE : ComponentStatus.PARTIAL_OUTAGE;
        Instant at = BEGIN.plus(SPACING.multipliedBy(n));
        String title = "Incident " + n;
        List<SitrepEvent> events = new ArrayList<>();
        events.add(new IncidentOpened(id, page, id + "-0", title, impact, IncidentStatus.INVESTIGATING,
                "We are investigating.", Map.of(component, outage), at));
        for (int u = 1; u <= UPDATES; u++) {
            events.add(new UpdatePosted(id, page, id + "-" + u, title, impact, IncidentStatus.IDENTIFIED,
                    IncidentStatus.IDENTIFIED, "Update " + u,
                    Map.of(component, u == UPDATES ? ComponentStatus.DEGRADED_PERFORMANCE : outage),
                    at.plus(Duration.ofMinutes(10L * u))));
        }
        events.add(new IncidentResolved(id, page, id + "-r", title, impact, "This incident has been resolved.",
                Map.of(component, ComponentStatus.OPERATIONAL), at.plus(Duration.ofMinutes(10L * (UPDATES + 1)))));
        return events;
    }

    private static String page(int p) {
        return p == 0 ? BIG_PAGE : String.format("history-%04d", p);
    }

    private void send(KafkaProducer<String, byte[]> producer, String topic, SitrepEvent event, long sequence,
                      Instant recordedAt) {
        EventEnvelope envelope = CloudEventCodec.envelope(event, UUID.randomUUID().toString(), recordedAt, sequence);
        producer.send(new ProducerRecord<>(topic, event.pageId(), codec.encode(envelope)), (metadata, failure) -> {
            if (failure != null) {
                refused.compareAndSet(null, failure);
            }
        });
        sent.incrementAndGet();
    }
}
