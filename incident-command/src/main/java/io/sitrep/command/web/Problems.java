package io.sitrep.command.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problems (RFC 9457) this API answers with. Each kind has its own {@code type}, a URN, so
 * that a client can tell, say, a stale If-Match from a reused Idempotency-Key without parsing text.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        return of(status, slugOf(status), detail);
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:sitrep:problem:" + slug));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail payloadTooLarge(String detail) {
        return of(HttpStatus.CONTENT_TOO_LARGE, detail);
    }

    /** The default kind of each status, for problems that need no finer distinction. */
    static String slugOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "stale-version";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "rate-limited";
            case 503 -> "unavailable";
            default -> status.is4xxClientError() ? "client-error" : "server-error";
        };
    }
}
