package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The state of one component of a page, with Statuspage's names. */
public enum ComponentStatus {
    @JsonProperty("operational") OPERATIONAL,
    @JsonProperty("degraded_performance") DEGRADED_PERFORMANCE,
    @JsonProperty("partial_outage") PARTIAL_OUTAGE,
    @JsonProperty("major_outage") MAJOR_OUTAGE,
    @JsonProperty("under_maintenance") UNDER_MAINTENANCE
}
