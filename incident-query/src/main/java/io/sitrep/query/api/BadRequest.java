package io.sitrep.query.api;

/** A query parameter is wrong (400); {@code field} names it. */
class BadRequest extends RuntimeException {

    private final String field;

    BadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
