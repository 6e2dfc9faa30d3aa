package io.sitrep.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How badly an incident affects the page's users, as Statuspage grades it. */
public enum Impact {
    @JsonProperty("none") NONE,
    @JsonProperty("minor") MINOR,
    @JsonProperty("major") MAJOR,
    @JsonProperty("critical") CRITICAL
}
