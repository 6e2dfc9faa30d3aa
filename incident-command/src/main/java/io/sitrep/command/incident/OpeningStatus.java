package io.sitrep.command.incident;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sitrep.events.IncidentStatus;

/** The statuses an incident may be opened with. */
public enum OpeningStatus {
    @JsonProperty("investigating") INVESTIGATING(IncidentStatus.INVESTIGATING),
    @JsonProperty("identified") IDENTIFIED(IncidentStatus.IDENTIFIED),
    @JsonProperty("monitoring") MONITORING(IncidentStatus.MONITORING);

    private final IncidentStatus status;

    OpeningStatus(IncidentStatus status) {
        this.status = status;
    }

    public IncidentStatus status() {
        return status;
    }
}
