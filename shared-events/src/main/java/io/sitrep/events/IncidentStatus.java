package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an incident stands in its lifecycle. */
public enum IncidentStatus {
    @JsonProperty("investigating") INVESTIGATING,
    @JsonProperty("identified") IDENTIFIED,
    @JsonProperty("monitoring") MONITORING,
    @JsonProperty("resolved") RESOLVED
}
