package io.sitrep.query.api;

/** minVersion was not reached in time (503 with Retry-After). */
class NotYetApplied extends RuntimeException {

    NotYetApplied(String message) {
        super(message);
    }
}
