package io.sitrep.command.incident;

import io.sitrep.command.idempotency.IdempotentResult;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of the incident aggregate. Ids are chosen by the caller so that a command is a
 * plain value. {@code expectedVersion} (from If-Match) is null for an unconditional command;
 * {@code occurredAt} is null for "now". Every handler answers with an {@link IncidentWritten}.
 */
public final class IncidentCommands {

    private IncidentCommands() {
    }

    public record OpenIncident(@TargetAggregateIdentifier String incidentId, String pageId, String updateId,
                               String title, Impact impact, OpeningStatus status, String message,
                               Map<String, ComponentStatus> components, Instant occurredAt) {
    }

    /** {@code status} is null for a plain update, shown as "Update". */
    public record PostUpdate(@TargetAggregateIdentifier String incidentId, Long expectedVersion, String updateId,
                             UpdateStatus status, String message, Map<String, ComponentStatus> components,
                             Instant occurredAt) {
    }

    public record StartMonitoring(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
                                  String updateId, String message, Map<String, ComponentStatus> components,
                                  Instant occurredAt) {
    }

    public record ResolveIncident(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
                                  String updateId, String message, Map<String, ComponentStatus> components,
                                  Instant occurredAt) {
    }

    public record PublishPostmortem(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
                                    String body, Instant occurredAt) {
    }

    /** The answer to every incident command: the incident and the version the command produced. */
    public record IncidentWritten(String incidentId, long version) implements IdempotentResult {

        @Override
        public String id() {
            return incidentId;
        }
    }
}
