package io.sitrep.query.statuspage;

import io.sitrep.query.api.NotFound;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An unknown page on the Statuspage-compatible JSON or the feeds: 404 as problem+json, typed like
 * the read API's. First in line, so that an application-wide handler cannot answer for these
 * machine-read addresses with something else.
 */
@RestControllerAdvice(basePackages = {"io.sitrep.query.statuspage", "io.sitrep.query.feed"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicReadErrors {

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(URI.create("urn:sitrep:problem:not-found"));
        problem.setTitle(HttpStatus.NOT_FOUND.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
