package io.sitrep.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a successful write answers: {@code {"incidentId","version"}}. */
record Written(String incidentId, long version) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Written of(Response response) {
        JsonNode answer = JSON.readTree(response.body());
        return new Written(answer.get("incidentId").asString(), answer.get("version").asLong());
    }

    /** The {@code version} of an incident as incident-query serves it. */
    static long versionRead(Response response) {
        return JSON.readTree(response.body()).get("version").asLong();
    }
}
