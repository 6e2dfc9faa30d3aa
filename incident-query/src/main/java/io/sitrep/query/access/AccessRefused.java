package io.sitrep.query.access;

import org.springframework.http.HttpStatus;

/** A call refused for its API key: 401 without a valid one, 403 when it lacks the scope. */
public class AccessRefused extends RuntimeException {

    private final HttpStatus status;

    AccessRefused(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
