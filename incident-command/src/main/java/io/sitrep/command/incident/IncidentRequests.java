package io.sitrep.command.incident;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.sitrep.command.web.RequestCheck;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies of the incident calls, each with the checks that need nothing but the request. */
final class IncidentRequests {

    static final int MAX_TITLE = 200;
    static final int MAX_MESSAGE = 10_000;
    static final int MAX_POSTMORTEM = 100_000;

    private IncidentRequests() {
    }

    /** A request body that can say what is wrong with it. */
    sealed interface Body permits Open, Update, Entry, Postmortem {

        /** Throws {@code InvalidRequest} naming every field at fault. */
        void check();
    }

    record Open(@Schema(requiredMode = REQUIRED, maxLength = MAX_TITLE) String title,
                @Schema(requiredMode = REQUIRED) Impact impact,
                @Schema(requiredMode = REQUIRED, maxLength = MAX_MESSAGE) String message, OpeningStatus status,
                Map<String, ComponentStatus> components, Instant occurredAt) implements Body {

        @Override
        public void check() {
            entry(new RequestCheck().text("title", title, MAX_TITLE).required("impact", impact), message, components,
                    occurredAt).orThrow();
        }
    }

    record Update(@Schema(requiredMode = REQUIRED, maxLength = MAX_MESSAGE) String message, UpdateStatus status,
                  Map<String, ComponentStatus> components, Instant occurredAt) implements Body {

        @Override
        public void check() {
            entry(new RequestCheck(), message, components, occurredAt).orThrow();
        }
    }

    /** The body of marking monitoring and of resolving. */
    record Entry(@Schema(requiredMode = REQUIRED, maxLength = MAX_MESSAGE) String message,
                 Map<String, ComponentStatus> components, Instant occurredAt) implements Body {

        @Override
        public void check() {
            entry(new RequestCheck(), message, components, occurredAt).orThrow();
        }
    }

    record Postmortem(@Schema(requiredMode = REQUIRED, maxLength = MAX_POSTMORTEM) String body, Instant occurredAt)
            implements Body {

        @Override
        public void check() {
            new RequestCheck().text("body", body, MAX_POSTMORTEM).instant("occurredAt", occurredAt).orThrow();
        }
    }

    /** The checks of every entry: its message, the components it names and when it happened. */
    private static RequestCheck entry(RequestCheck check, String message, Map<String, ComponentStatus> components,
                                      Instant occurredAt) {
        return check.text("message", message, MAX_MESSAGE)
                .components("components", components, Incident.MAX_COMPONENTS)
                .instant("occurredAt", occurredAt);
    }

    /** The components of a request, in the order given; none when it names none. */
    static Map<String, ComponentStatus> components(Map<String, ComponentStatus> components) {
        return components == null ? Map.of() : new LinkedHashMap<>(components);
    }
}
