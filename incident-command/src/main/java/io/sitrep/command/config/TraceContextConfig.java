package io.sitrep.command.config;

import io.sitrep.support.EventTracing;
import java.util.Map;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event is stored with the trace context of the request that caused it, as
 * {@code traceparent} in its metadata; the relay continues the trace from there
 * ({@link EventTracing}). Commands are handled on the request's thread, so the request's span is
 * the current one when the events are made. Axon's own correlation data (the command's id, as
 * {@code correlationId} and {@code traceId}), which a provider of ours would otherwise replace,
 * is kept.
 */
@Configuration(proxyBeanMethods = false)
class TraceContextConfig {

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider traceContext(EventTracing tracing) {
        return command -> {
            String traceparent = tracing.current();
            return traceparent == null ? Map.of() : Map.of(EventTracing.TRACEPARENT, traceparent);
        };
    }
}
