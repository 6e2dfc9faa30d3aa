package io.sitrep.command.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * {@code sitrep.api.problems}: every problem answer the write API's handlers give, by status and
 * problem type (the last part of its {@code type} URN: {@code illegal-transition}, {@code unavailable}...),
 * counted as it is written, whichever handler made it.
 */
@ControllerAdvice
class ProblemCounter implements ResponseBodyAdvice<Object> {

    private static final String TYPE_PREFIX = "urn:sitrep:problem:";

    private final MeterRegistry meters;

    ProblemCounter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            String type = problem.getType() == null ? "none" : problem.getType().toString();
            Counter.builder("sitrep.api.problems")
                    .description("Problem answers of the write API, by status and problem type")
                    .tag("status", Integer.toString(problem.getStatus()))
                    .tag("type", type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type)
                    .register(meters).increment();
        }
        return body;
    }
}
