package io.sitrep.command.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.command.CommandRejected;
import io.sitrep.command.incident.IncidentCommands.IncidentWritten;
import io.sitrep.command.incident.IncidentCommands.OpenIncident;
import io.sitrep.command.incident.IncidentCommands.PostUpdate;
import io.sitrep.command.incident.IncidentCommands.PublishPostmortem;
import io.sitrep.command.incident.IncidentCommands.ResolveIncident;
import io.sitrep.command.incident.IncidentCommands.StartMonitoring;
import io.sitrep.command.page.PageCatalog;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.PostmortemPublished;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives random command sequences through the incident aggregate (its real repository, on an
 * in-memory event store) and checks the invariants of the stored stream after every step. A failure
 * names its seed; rerun that seed alone to replay it.
 */
class IncidentLifecyclePropertyTest {

    private static final String ID = "inc_propertyteststr";
    private static final String PAGE = "page";
    private static final List<String> COMPONENTS = List.of("api", "chat", "web", "unknown-to-the-page");
    private static final int STEPS = 40;

    /** How often each kind of command was accepted and rejected, over all seeds. */
    private static final Map<String, int[]> OUTCOMES = new HashMap<>();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    /** The generator is only worth its seeds if every command is both accepted and refused somewhere. */
    @AfterAll
    static void everyCommandWasBothAcceptedAndRejected() {
        assertThat(OUTCOMES.keySet()).containsExactlyInAnyOrder("PostUpdate", "StartMonitoring", "ResolveIncident",
                "PublishPostmortem");
        OUTCOMES.forEach((command, counts) -> {
            assertThat(counts[0]).as("%s accepted", command).isPositive();
            assertThat(counts[1]).as("%s rejected", command).isPositive();
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomCommandSequencesKeepTheLifecycleInvariants(long seed) {
        Random random = new Random(seed);
        SteppingClock clock = new SteppingClock(Instant.parse("2024-11-25T16:00:00Z"));
        PageCatalog pages = pageId -> PAGE.equals(pageId)
                ? Optional.of(Set.copyOf(COMPONENTS.subList(0, 3))) : Optional.empty();
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Incident.class)
                .registerComponent(PageCatalog.class, c -> pages)
                .registerComponent(Clock.class, c -> clock)
                .buildConfiguration();
        axon.start();
        try {
            long version = axon.commandGateway().<IncidentWritten>sendAndWait(new OpenIncident(ID, PAGE, "upd_0",
                    "title", Impact.MINOR, OpeningStatus.values()[random.nextInt(3)], "opened", Map.of(), null))
                    .version();
            assertThat(version).as("seed %d: version after opening", seed).isEqualTo(1);
            for (int step = 1; step <= STEPS; step++) {
                clock.advance(random.nextInt(600));
                Object command = randomCommand(random, version, clock.instant(), step);
                List<DomainEventMessage<?>> before = stream(axon);
                try {
                    long next = axon.commandGateway().<IncidentWritten>sendAndWait(command).version();
                    count(command, 0);
                    assertThat(next).as("seed %d step %d: %s answers the next version", seed, step, command)
                            .isEqualTo(version + 1);
                    version = next;
                } catch (CommandRejected rejected) {
                    count(command, 1);
                    assertThat(stream(axon)).as("seed %d step %d: rejected %s changed nothing", seed, step, command)
                            .hasSameSizeAs(before);
                }
                assertInvariants(seed, step, stream(axon), version);
            }
        } finally {
            axon.shutdown();
        }
    }

    private static void count(Object command, int outcome) {
        OUTCOMES.computeIfAbsent(command.getClass().getSimpleName(), name -> new int[2])[outcome]++;
    }

    private static void assertInvariants(long seed, int step, List<DomainEventMessage<?>> stream, long version) {
        String at = "seed " + seed + " step " + step;
        assertThat(stream).as("%s: one event per version", at).hasSize((int) version);
        boolean resolved = false;
        Instant previous = Instant.MIN;
        for (int i = 0; i < stream.size(); i++) {
            DomainEventMessage<?> message = stream.get(i);
            IncidentEvent event = (IncidentEvent) message.getPayload();
            assertThat(message.getSequenceNumber()).as("%s: sequence rises by one", at).isEqualTo(i);
            if (resolved) {
                assertThat(event).as("%s: only postmortems after resolve", at).isInstanceOf(PostmortemPublished.class);
            }
            resolved |= event instanceof IncidentResolved;
            assertThat(event.occurredAt()).as("%s: occurredAt never goes back", at).isAfterOrEqualTo(previous);
            previous = event.occurredAt();
        }
    }

    private static Object randomCommand(Random random, long version, Instant now, int step) {
        Long expected = switch (random.nextInt(6)) {
            case 0 -> version;
            case 1 -> version - 1 - random.nextInt((int) version);
            default -> null;
        };
        Instant occurredAt = switch (random.nextInt(5)) {
            case 0 -> now.minusSeconds(random.nextInt(3600));
            case 1 -> now.plusSeconds(random.nextInt(120));
            default -> null;
        };
        Map<String, ComponentStatus> components = new HashMap<>();
        if (random.nextBoolean()) {
            components.put(COMPONENTS.get(random.nextInt(COMPONENTS.size())),
                    ComponentStatus.values()[random.nextInt(ComponentStatus.values().length)]);
        }
        String updateId = "upd_" + step;
        return switch (random.nextInt(5)) {
            case 0 -> new PostUpdate(ID, expected, updateId,
                    random.nextBoolean() ? null : UpdateStatus.values()[random.nextInt(2)], "news", components,
                    occurredAt);
            case 1 -> new StartMonitoring(ID, expected, updateId, "fix deployed", components, occurredAt);
            case 2 -> new ResolveIncident(ID, expected, updateId, "resolved", components, occurredAt);
            default -> new PublishPostmortem(ID, expected, "postmortem", occurredAt);
        };
    }

    private static List<DomainEventMessage<?>> stream(Configuration axon) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        axon.eventStore().readEvents(ID).forEachRemaining(events::add);
        return events;
    }

    /** A clock the test moves forward. */
    private static final class SteppingClock extends Clock {

        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
