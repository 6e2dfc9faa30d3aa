package io.sitrep.events;

import java.time.Instant;
import java.util.Map;

/**
 * What happens to an incident. Every event carries the incident's title and impact, so that a
 * consumer can act on one event without folding the stream. {@code components} holds the
 * component statuses the entry set; {@code occurredAt} is when it happened as shown on the page
 * (the time it was recorded is the event's own timestamp).
 */
public sealed interface IncidentEvent extends SitrepEvent permits IncidentEvent.IncidentOpened, IncidentEvent.UpdatePosted,
        IncidentEvent.MonitoringStarted, IncidentEvent.IncidentResolved, IncidentEvent.PostmortemPublished {

    String incidentId();

    Instant occurredAt();

    @Override
    default String subject() {
        return incidentId();
    }

    record IncidentOpened(String incidentId, String pageId, String updateId, String title, Impact impact,
                          IncidentStatus status, String message, Map<String, ComponentStatus> components,
                          Instant occurredAt) implements IncidentEvent {
    }

    /**
     * An update was posted. {@code status} is the status the update set, null for a plain update;
     * {@code incidentStatus} is the incident's status after it.
     */
    record UpdatePosted(String incidentId, String pageId, String updateId, String title, Impact impact,
                        IncidentStatus status, IncidentStatus incidentStatus, String message,
                        Map<String, ComponentStatus> components, Instant occurredAt) implements IncidentEvent {
    }

    record MonitoringStarted(String incidentId, String pageId, String updateId, String title, Impact impact,
                             String message, Map<String, ComponentStatus> components, Instant occurredAt)
            implements IncidentEvent {
    }

    /**
     * The incident was resolved. {@code components} names every component the incident ever named:
     * those the resolving entry did not name are back to operational.
     */
    record IncidentResolved(String incidentId, String pageId, String updateId, String title, Impact impact,
                            String message, Map<String, ComponentStatus> components, Instant occurredAt)
            implements IncidentEvent {
    }

    /** A postmortem (Markdown) was published; a later one revises it. */
    record PostmortemPublished(String incidentId, String pageId, String title, Impact impact, String body,
                               Instant occurredAt) implements IncidentEvent {
    }
}
