package io.sitrep.query.analytics;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import java.time.Instant;
import java.util.List;

/**
 * What analytics need of one incident: when it opened, resolved and first got a postmortem (null
 * until then), its entries in the order they happened with the status each left it in, and the
 * components it named.
 */
public record IncidentFacts(String id, Impact impact, Instant openedAt, Instant resolvedAt,
                            Instant firstPostmortemAt, List<Entry> entries, List<String> components) {

    /** An entry: from {@code at} on, the incident had {@code status}. */
    public record Entry(IncidentStatus status, Instant at) {
    }
}
