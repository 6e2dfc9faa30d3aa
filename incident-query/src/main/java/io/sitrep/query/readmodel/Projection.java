package io.sitrep.query.readmodel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The read models that can be rebuilt one by one, each with the tables it alone writes. The
 * consumer folds every event into all of them at once ({@link Projector}); a rebuild folds the
 * whole history into a new copy of one of them.
 */
public enum Projection {

    /** Pages, components and incidents with their entries: what the status pages, JSON and feeds show now. */
    STATUS_PAGES("status-pages", List.of("page", "component", "incident", "incident_update", "incident_component")),
    /** Every status each entry gave a component, when it happened and when it was recorded: uptime and time travel. */
    UPTIME("uptime", List.of("component_status_change"));

    private final String wireName;
    private final List<String> tables;

    Projection(String wireName, List<String> tables) {
        this.wireName = wireName;
        this.tables = tables;
    }

    /** Its name in the admin API and the projection table. */
    public String wireName() {
        return wireName;
    }

    /** Its tables, each created before any that references it. */
    public List<String> tables() {
        return tables;
    }

    public static Optional<Projection> named(String wireName) {
        return Arrays.stream(values()).filter(projection -> projection.wireName.equals(wireName)).findFirst();
    }
}
