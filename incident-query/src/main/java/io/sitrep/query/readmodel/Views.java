package io.sitrep.query.readmodel;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import java.time.Instant;
import java.util.List;

/** What the read models answer with: plain values, statuses and impacts as the events' types. */
public final class Views {

    private Views() {
    }

    public record PageView(String id, String name, String timeZone, Instant createdAt, Instant updatedAt) {
    }

    /** A component of a page; {@code group} is null for an ungrouped one. */
    public record ComponentView(String id, String name, String group, ComponentStatus status, int position,
                                Instant createdAt, Instant updatedAt) {
    }

    /**
     * One entry of an incident: {@code status} is the incident's status after it, {@code label} what
     * the page shows (Investigating, Identified, Update, Monitoring or Resolved).
     */
    public record UpdateView(String id, IncidentStatus status, String label, String message, Instant occurredAt,
                             Instant recordedAt) {
    }

    public record PostmortemView(String body, Instant publishedAt) {
    }

    /**
     * An incident with its entries newest first and the components it named (with the status it gave
     * each last), in the order it first named them.
     */
    public record IncidentView(String id, String pageId, String title, IncidentStatus status, Impact impact,
                               Instant createdAt, Instant updatedAt, Instant monitoringAt, Instant resolvedAt,
                               long version, List<ComponentView> components, List<UpdateView> updates,
                               PostmortemView postmortem) {

        public boolean resolved() {
            return status == IncidentStatus.RESOLVED;
        }
    }

    /** One page of a list of incidents; {@code nextCursor} is null on the last. */
    public record IncidentList(List<IncidentView> items, String nextCursor) {
    }
}
