package io.sitrep.query.readmodel;

import io.sitrep.events.IncidentStatus;
import java.time.Instant;

/**
 * One entry of an incident: {@code status} is the incident's status after it, {@code label} what
 * the page shows (Investigating, Identified, Update, Monitoring or Resolved).
 */
public record UpdateView(String id, IncidentStatus status, String label, String message, Instant occurredAt,
                         Instant recordedAt) {
}
