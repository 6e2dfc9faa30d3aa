package io.sitrep.query.readmodel;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A query parameter that names nothing the read models can answer for; {@code field} names it (a 400). */
public class InvalidParameter extends RuntimeException {

    private final String field;

    public InvalidParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The instant a parameter gives. */
    public static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(field, "must be an ISO-8601 instant such as 2024-11-25T16:23:00Z");
        }
    }

    public String field() {
        return field;
    }
}
