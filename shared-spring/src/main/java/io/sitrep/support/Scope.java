package io.sitrep.support;

import java.util.Arrays;
import java.util.Optional;

/** What an API key may do. */
public enum Scope {
    PAGES_WRITE("pages:write"),
    INCIDENTS_WRITE("incidents:write"),
    ANALYTICS_READ("analytics:read"),
    ADMIN("admin");

    private final String id;

    Scope(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The Spring Security authority that stands for this scope. */
    public String authority() {
        return "SCOPE_" + id;
    }

    public static Optional<Scope> parse(String id) {
        return Arrays.stream(values()).filter(scope -> scope.id.equals(id)).findFirst();
    }
}
