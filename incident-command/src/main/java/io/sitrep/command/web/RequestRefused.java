package io.sitrep.command.web;

import org.springframework.http.HttpStatus;

/**
 * A request refused in the web layer before any command is sent, with its status and what to fix:
 * an id that cannot exist (404), an {@code If-Match} that names no version (412).
 */
public class RequestRefused extends RuntimeException {

    private final HttpStatus status;

    public RequestRefused(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    /** An id that breaks the id pattern names nothing that can exist. */
    public static RequestRefused noSuchId(String kind, String id) {
        return new RequestRefused(HttpStatus.NOT_FOUND, "no " + kind + " has the id " + id + ": ids match "
                + RequestCheck.ID.pattern());
    }

    public HttpStatus status() {
        return status;
    }
}
