package io.sitrep.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One event of every type, as the Olark incident of November 2024 would have produced them. */
final class EventSamples {

    private static final Instant AT = Instant.parse("2024-11-25T16:23:00Z");

    private EventSamples() {
    }

    static List<SitrepEvent> all() {
        Map<String, ComponentStatus> components = new LinkedHashMap<>();
        components.put("chat", ComponentStatus.PARTIAL_OUTAGE);
        components.put("agents", ComponentStatus.DEGRADED_PERFORMANCE);
        return List.of(
                new PageEvent.PageDefined("olark", "Olark Live Chat", "America/Los_Angeles", "status.olark.com"),
                new PageEvent.ComponentDefined("olark", "chat", "Chat", "Live Chat", 0),
                new IncidentEvent.IncidentOpened("inc_abcdefghijklmnop", "olark", "upd_abcdefghijklmnop",
                        "Incident Alerted", Impact.MAJOR, IncidentStatus.INVESTIGATING,
                        "We've detected an issue.", components, AT),
                new IncidentEvent.UpdatePosted("inc_abcdefghijklmnop", "olark", "upd_bcdefghijklmnopq",
                        "Incident Alerted", Impact.MAJOR, null, IncidentStatus.INVESTIGATING,
                        "We're continuing to investigate.", Map.of(), AT.plusSeconds(480)),
                new IncidentEvent.MonitoringStarted("inc_abcdefghijklmnop", "olark", "upd_cdefghijklmnopqr",
                        "Incident Alerted", Impact.MAJOR, "We've implemented a fix.",
                        Map.of("chat", ComponentStatus.DEGRADED_PERFORMANCE), AT.plusSeconds(5640)),
                new IncidentEvent.IncidentResolved("inc_abcdefghijklmnop", "olark", "upd_defghijklmnopqrs",
                        "Incident Alerted", Impact.MAJOR, "This incident has been resolved.",
                        Map.of("chat", ComponentStatus.OPERATIONAL, "agents", ComponentStatus.OPERATIONAL),
                        AT.plusSeconds(12000)),
                new IncidentEvent.PostmortemPublished("inc_abcdefghijklmnop", "olark", "Incident Alerted",
                        Impact.MAJOR, "## What happened\n\nA queuing node lost connectivity.",
                        AT.plusSeconds(105420)));
    }
}
