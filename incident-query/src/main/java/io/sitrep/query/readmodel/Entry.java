package io.sitrep.query.readmodel;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.MonitoringStarted;
import io.sitrep.events.IncidentEvent.PostmortemPublished;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import java.util.Map;

/** An entry of an incident: one line of its report, and the component statuses it set. */
record Entry(String updateId, IncidentStatus status, String label, String message,
             Map<String, ComponentStatus> components) {

    /** The event's entry; null for a postmortem, which is not one. */
    static Entry of(IncidentEvent event) {
        if (event instanceof IncidentOpened opened) {
            return new Entry(opened.updateId(), opened.status(), WireNames.label(opened.status()), opened.message(),
                    opened.components());
        }
        if (event instanceof UpdatePosted posted) {
            return new Entry(posted.updateId(), posted.incidentStatus(),
                    posted.status() == null ? "Update" : WireNames.label(posted.status()), posted.message(),
                    posted.components());
        }
        if (event instanceof MonitoringStarted monitoring) {
            return new Entry(monitoring.updateId(), IncidentStatus.MONITORING, WireNames.label(IncidentStatus.MONITORING),
                    monitoring.message(), monitoring.components());
        }
        if (event instanceof IncidentResolved resolved) {
            return new Entry(resolved.updateId(), IncidentStatus.RESOLVED, WireNames.label(IncidentStatus.RESOLVED),
                    resolved.message(), resolved.components());
        }
        if (event instanceof PostmortemPublished) {
            return null;
        }
        throw Projector.unhandled(event);
    }
}
