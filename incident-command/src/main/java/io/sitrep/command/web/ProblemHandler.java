package io.sitrep.command.web;

import io.sitrep.command.CommandRejected;
import io.sitrep.command.Commands;
import io.sitrep.command.StoreUnreachable;
import io.sitrep.support.DatabaseFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every failure into an {@code application/problem+json} answer that says what to fix. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final DataSource dataSource;
    private final Commands commands;

    ProblemHandler(DataSource dataSource, Commands commands) {
        this.dataSource = dataSource;
        this.commands = commands;
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
        return answer(Problems.invalid(e.getMessage(), e.errors()));
    }

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<ProblemDetail> refused(RequestRefused e) {
        return answer(Problems.of(e.status(), e.getMessage()));
    }

    /** A refusal by its reason, and by the problem type it carries where it carries one. */
    @ExceptionHandler(CommandRejected.class)
    ResponseEntity<ProblemDetail> rejected(CommandRejected e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ILLEGAL_TRANSITION -> HttpStatus.CONFLICT;
            case STALE_VERSION -> HttpStatus.PRECONDITION_FAILED;
            case CONTRADICTS_STATE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = e.problemType() == null ? Problems.of(status, e.getMessage())
                : Problems.of(status, e.problemType(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        }
        return answer(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return answer(Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                "the incident was changed by another request at the same moment; read it and try again"));
    }

    @ExceptionHandler(StoreUnreachable.class)
    ResponseEntity<ProblemDetail> unreachable(StoreUnreachable e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.outOfReach(e)
                || causedBy(e, SQLException.class::isInstance) && !storeAnswers()) {
            log.warn("Event store unreachable: {}", e.toString());
            commands.storeUnreachable();
            return unreachable(new StoreUnreachable());
        }
        log.error("Unexpected failure", e);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getCause();
        if (causedBy(e, PayloadTooLarge.class::isInstance)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Problems.payloadTooLarge(new PayloadTooLarge().getMessage()));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            FieldError error = new FieldError(path(mismatch), mismatchMessage(mismatch));
            return ResponseEntity.badRequest().body(Problems.invalid(error.field() + " " + error.message(),
                    List.of(error)));
        }
        String detail = cause instanceof StreamReadException read
                ? "the body is not well-formed JSON: " + read.getOriginalMessage()
                : cause instanceof JacksonException jackson ? jackson.getOriginalMessage()
                : "the request needs a JSON body";
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", detail));
    }

    /** Gives Spring's own problems (405, 415, ...) our types and titles. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            ProblemDetail typed = Problems.of(status, problem.getDetail());
            if (problem.getProperties() != null) {
                problem.getProperties().forEach(typed::setProperty);
            }
            body = typed;
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String mismatchMessage(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this request; known fields: " + unknown.getKnownPropertyIds();
        }
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants())
                    .map(constant -> jsonName((Enum<?>) constant))
                    .collect(Collectors.joining(", "));
        }
        if (target == Instant.class) {
            return "must be an ISO-8601 instant such as 2024-11-25T16:23:00Z";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (e instanceof InvalidFormatException format) {
            return "has an invalid value " + format.getValue();
        }
        return "must be " + (target == null ? "another JSON type" : jsonKind(target));
    }

    /** What a field of this Java type is in the request's JSON, in the words of the API's description. */
    private static String jsonKind(Class<?> target) {
        if (Map.class.isAssignableFrom(target)) {
            return "an object of component ids to statuses"; // the requests' one map
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    private static String jsonName(Enum<?> constant) {
        try {
            var property = constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return property == null ? constant.name() : property.value();
        } catch (NoSuchFieldException impossible) {
            return constant.name();
        }
    }

    /**
     * Whether the database answers now. An SQL failure whose cause was lost on the way up (a
     * connection the pool closed after the server went away, say) is a 503 if the store is gone.
     */
    private boolean storeAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean causedBy(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
