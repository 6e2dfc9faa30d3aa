package io.sitrep.support;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What both services do alike to be observed: events carry their trace ({@link EventTracing}, over
 * Spring Boot's tracer: OpenTelemetry's when tracing is on, no-ops when it is off, as in tests that
 * do not ask for it); a request's log lines carry the page, incident and component it names; and
 * probes and scrapes are neither traced nor timed, so that traces show what users did.
 */
@AutoConfiguration(after = {OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
        NoopTracerAutoConfiguration.class})
public class ObservabilityAutoConfiguration {

    /** The path variables that name what a request is about, and the log context's keys for them. */
    private static final List<String> IDS = List.of("pageId", "incidentId", "componentId");

    @Bean
    EventTracing eventTracing(Tracer tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer, propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    ObservationPredicate notProbesOrScrapes() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith("/actuator/"));
    }

    @Bean
    WebMvcConfigurer idsInTheLogContext() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new IdsInTheLogContext());
            }
        };
    }

    /** Puts the ids a request's path names into the log context while the request is handled. */
    private static final class IdsInTheLogContext implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
                for (String id : IDS) {
                    if (variables.get(id) instanceof String value) {
                        MDC.put(id, value);
                    }
                }
            }
            return true;
        }

        @Override
        public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                    Exception failed) {
            IDS.forEach(MDC::remove);
        }
    }
}
