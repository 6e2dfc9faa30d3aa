package io.sitrep.command.incident;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sitrep.events.IncidentStatus;

/** The statuses an update may set; monitoring and resolved have calls of their own. */
public enum UpdateStatus {
    @JsonProperty("investigating") INVESTIGATING(IncidentStatus.INVESTIGATING),
    @JsonProperty("identified") IDENTIFIED(IncidentStatus.IDENTIFIED);

    private final IncidentStatus status;

    UpdateStatus(IncidentStatus status) {
        this.status = status;
    }

    public IncidentStatus status() {
        return status;
    }
}
