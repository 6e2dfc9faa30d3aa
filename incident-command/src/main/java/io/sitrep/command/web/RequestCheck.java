package io.sitrep.command.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with a request body, field by field, and throws {@link InvalidRequest}
 * when anything is. Lengths are in Unicode code points, as the contract counts them.
 */
public final class RequestCheck {

    /** The pattern of page and component ids. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final List<FieldError> errors = new ArrayList<>();

    public RequestCheck text(String field, String value, int maxCodePoints) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required and may not be empty"));
        } else if (!storable(value)) {
            errors.add(new FieldError(field, "contains a NUL character or a lone UTF-16 surrogate, which no page "
                    + "can show"));
        } else {
            int length = value.codePointCount(0, value.length());
            if (length > maxCodePoints) {
                errors.add(new FieldError(field,
                        "may be at most " + maxCodePoints + " characters long, not " + length));
            }
        }
        return this;
    }

    /** An instant a page can show: not before 1970 (a backdated entry is still an entry of our era). */
    public RequestCheck instant(String field, Instant value) {
        if (value != null && value.isBefore(Instant.EPOCH)) {
            errors.add(new FieldError(field, "may not be before 1970-01-01T00:00:00Z"));
        }
        return this;
    }

    /** Text that every store and page downstream can hold: no NUL, no unpaired surrogate. */
    private static boolean storable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public RequestCheck optionalText(String field, String value, int maxCodePoints) {
        return value == null ? this : text(field, value, maxCodePoints);
    }

    public RequestCheck required(String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
        return this;
    }

    public RequestCheck components(String field, Map<String, ?> components, int maxEntries) {
        if (components == null) {
            return this;
        }
        if (components.size() > maxEntries) {
            errors.add(new FieldError(field,
                    "may name at most " + maxEntries + " components, not " + components.size()));
        }
        components.forEach((id, status) -> {
            if (!ID.matcher(id).matches()) {
                errors.add(new FieldError(field + "." + id, "is not a component id: ids match " + ID.pattern()));
            } else if (status == null) {
                errors.add(new FieldError(field + "." + id, "needs a component status"));
            }
        });
        return this;
    }

    public RequestCheck add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
