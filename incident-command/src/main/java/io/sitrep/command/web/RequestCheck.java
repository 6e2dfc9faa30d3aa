package io.sitrep.command.web;

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
        } else {
            int length = value.codePointCount(0, value.length());
            if (length > maxCodePoints) {
                errors.add(new FieldError(field,
                        "may be at most " + maxCodePoints + " characters long, not " + length));
            }
        }
        return this;
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
