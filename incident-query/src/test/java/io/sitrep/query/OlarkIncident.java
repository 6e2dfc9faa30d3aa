package io.sitrep.query;

import static io.sitrep.events.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.sitrep.events.ComponentStatus.OPERATIONAL;
import static io.sitrep.events.ComponentStatus.PARTIAL_OUTAGE;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.MonitoringStarted;
import io.sitrep.events.IncidentEvent.PostmortemPublished;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.events.SitrepEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page with three components and the Olark incident through its whole life, 9 events: chat in
 * partial outage at {@link #OPENED}, an update after 480 s, monitoring after 5,640 s, resolved after
 * 12,000 s, the postmortem after 105,420 s.
 */
public final class OlarkIncident {

    public static final Instant OPENED = Instant.parse("2024-11-25T16:23:00Z");

    private OlarkIncident() {
    }

    public static List<SitrepEvent> events(String page, String incident) {
        return List.of(
                new PageDefined(page, "Olark Live Chat", "America/Los_Angeles", null),
                new ComponentDefined(page, "chat", "Chat", "Live Chat", 0),
                new ComponentDefined(page, "agents", "Agents", "Live Chat", 1),
                new ComponentDefined(page, "web", "Website", null, 2),
                new IncidentOpened(incident, page, incident + "-u1", "Incident Alerted", Impact.MAJOR,
                        IncidentStatus.INVESTIGATING, "detected", Map.of("chat", PARTIAL_OUTAGE), OPENED),
                new UpdatePosted(incident, page, incident + "-u2", "Incident Alerted", Impact.MAJOR, null,
                        IncidentStatus.INVESTIGATING, "still on it", Map.of("agents", DEGRADED_PERFORMANCE),
                        OPENED.plusSeconds(480)),
                new MonitoringStarted(incident, page, incident + "-u3", "Incident Alerted", Impact.MAJOR, "fixed",
                        Map.of("chat", DEGRADED_PERFORMANCE), OPENED.plusSeconds(5640)),
                new IncidentResolved(incident, page, incident + "-u4", "Incident Alerted", Impact.MAJOR, "resolved",
                        Map.of("chat", OPERATIONAL, "agents", OPERATIONAL), OPENED.plusSeconds(12000)),
                new PostmortemPublished(incident, page, "Incident Alerted", Impact.MAJOR, "final",
                        OPENED.plusSeconds(105420)));
    }
}
