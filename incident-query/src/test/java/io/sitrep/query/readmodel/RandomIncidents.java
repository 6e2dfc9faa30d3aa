package io.sitrep.query.readmodel;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.MonitoringStarted;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random incidents for the seeded tests of the read models: entries often recorded well after they happened. */
public final class RandomIncidents {

    /** Nothing in these incidents happens before this. */
    public static final Instant BEGIN = Instant.parse("2025-03-01T00:00:00Z");
    /** The components an entry may name: the page should define them. */
    public static final List<String> COMPONENTS = List.of("api", "chat", "web");

    /** An event with when it was recorded. */
    public record Recorded(IncidentEvent event, Instant recordedAt) {
    }

    private RandomIncidents() {
    }

    /**
     * One to four incidents on the page, each opened, updated and perhaps monitored and resolved, its
     * entries minutes to hours apart; each entry is recorded when it happens or up to a day later (a
     * backfill), never before the incident's previous entry was recorded. The stream is in the order
     * the entries were recorded.
     */
    public static List<Recorded> of(Random random, String page) {
        List<Recorded> stream = new ArrayList<>();
        int incidents = 1 + random.nextInt(4);
        for (int n = 0; n < incidents; n++) {
            String id = "inc_" + page + "-" + n;
            String title = "Incident " + n;
            Impact impact = Impact.values()[random.nextInt(Impact.values().length)];
            Instant occurred = BEGIN.plus(Duration.ofMinutes(10 + random.nextInt(3000)));
            Instant recorded = occurred;
            int entries = 1 + random.nextInt(5);
            for (int e = 0; e < entries; e++) {
                if (e > 0) {
                    occurred = occurred.plus(Duration.ofMinutes(1 + random.nextInt(240)));
                }
                Instant backfilled = occurred.plus(Duration.ofMinutes(random.nextBoolean() ? 0 : random.nextInt(1440)));
                recorded = (backfilled.isAfter(recorded) ? backfilled : recorded).plusMillis(1 + random.nextInt(1000));
                String updateId = id + "-" + e;
                Map<String, ComponentStatus> named = named(random);
                IncidentEvent event;
                if (e == 0) {
                    event = new IncidentOpened(id, page, updateId, title, impact,
                            random.nextBoolean() ? IncidentStatus.INVESTIGATING : IncidentStatus.IDENTIFIED,
                            "opened", named, occurred);
                } else if (e == entries - 1 && random.nextBoolean()) {
                    Map<String, ComponentStatus> back = new LinkedHashMap<>();
                    stream.stream().filter(r -> r.event().incidentId().equals(id)).forEach(r ->
                            Entry.of(r.event()).components().keySet().forEach(c -> back.put(c, ComponentStatus.OPERATIONAL)));
                    event = new IncidentResolved(id, page, updateId, title, impact, "resolved", back, occurred);
                } else if (e == entries - 1 && random.nextBoolean()) {
                    event = new MonitoringStarted(id, page, updateId, title, impact, "monitoring", named, occurred);
                } else {
                    IncidentStatus status = random.nextBoolean() ? IncidentStatus.INVESTIGATING : IncidentStatus.IDENTIFIED;
                    event = new UpdatePosted(id, page, updateId, title, impact, status, status, "update " + e, named,
                            occurred);
                }
                stream.add(new Recorded(event, recorded));
            }
        }
        stream.sort(Comparator.comparing(Recorded::recordedAt));
        return stream;
    }

    private static Map<String, ComponentStatus> named(Random random) {
        Map<String, ComponentStatus> named = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            if (random.nextInt(3) == 0) {
                named.put(component, ComponentStatus.values()[random.nextInt(ComponentStatus.values().length)]);
            }
        }
        return named;
    }
}
