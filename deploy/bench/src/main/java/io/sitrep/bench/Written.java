package io.sitrep.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a successful write answers: {@code {"incidentId","version"}}. */
record Written(String incidentId, long version) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Written of(Response answer) {
        JsonNode json = JSON.readTree(answer.body());
        return new Written(json.get("incidentId").asString(), json.get("version").asLong());
    }

    /**
     * Whether incident-query's answer to {@code GET /api/v1/incidents/{id}} shows this write: a 404
     * means the incident is not there yet, an older version that the write is not applied yet.
     */
    boolean isShownBy(Response read) {
        return read.status() == 200 && JSON.readTree(read.body()).get("version").asLong() >= version;
    }
}
