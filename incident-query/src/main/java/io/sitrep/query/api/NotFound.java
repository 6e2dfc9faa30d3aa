package io.sitrep.query.api;

/** The page or incident asked for does not exist (404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
