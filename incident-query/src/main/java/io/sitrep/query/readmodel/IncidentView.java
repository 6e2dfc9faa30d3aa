package io.sitrep.query.readmodel;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import java.time.Instant;
import java.util.List;

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
