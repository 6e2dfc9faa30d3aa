package io.sitrep.query.api;

import io.sitrep.query.access.AccessRefused;
import io.sitrep.query.readmodel.InvalidParameter;
import io.sitrep.query.readmodel.NotFound;
import io.sitrep.query.readmodel.ReadModel.InvalidCursor;
import io.sitrep.query.rebuild.Rebuilds.AlreadyRebuilding;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The problems (RFC 9457) of every machine-read address: the read API, the Statuspage-compatible
 * JSON and the feeds; typed like the write API's. (The HTML pages answer with pages of their own.)
 */
@RestControllerAdvice(basePackages = {"io.sitrep.query.api", "io.sitrep.query.statuspage", "io.sitrep.query.feed"})
class ReadApiErrors {

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return answer(problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage()));
    }

    @ExceptionHandler(AccessRefused.class)
    ResponseEntity<ProblemDetail> accessRefused(AccessRefused e) {
        boolean unauthenticated = e.status() == HttpStatus.UNAUTHORIZED;
        ProblemDetail problem = problem(e.status(), unauthenticated ? "unauthenticated" : "forbidden", e.getMessage());
        return unauthenticated
                ? ResponseEntity.status(e.status()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(problem)
                : answer(problem);
    }

    @ExceptionHandler(AlreadyRebuilding.class)
    ResponseEntity<ProblemDetail> alreadyRebuilding(AlreadyRebuilding e) {
        return answer(problem(HttpStatus.CONFLICT, "already-rebuilding", e.getMessage()));
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequest e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", e.field() + " " + e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return answer(problem);
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameter e) {
        return badRequest(new BadRequest(e.field(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e) {
        return badRequest(new BadRequest(e.getName(), "must be a whole number"));
    }

    @ExceptionHandler(InvalidCursor.class)
    ResponseEntity<ProblemDetail> invalidCursor(InvalidCursor e) {
        return badRequest(new BadRequest("cursor", e.getMessage()));
    }

    @ExceptionHandler(NotYetApplied.class)
    ResponseEntity<ProblemDetail> notYetApplied(NotYetApplied e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-applied", e.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:sitrep:problem:" + type));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
