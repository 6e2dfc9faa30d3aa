package io.sitrep.command.idempotency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class IdempotencyConfig {

    /** Every command handler records the answers to idempotent requests (Axon's way to add an interceptor). */
    @Autowired
    void recordIdempotentAnswers(CommandBus commandBus, IdempotencyStore store, MeterRegistry meters) {
        commandBus.registerHandlerInterceptor(new IdempotencyInterceptor(store, Counter.builder("sitrep.idempotent.repeats")
                .baseUnit("requests")
                .description("Requests repeated with an Idempotency-Key already answered, answered as the first time")
                .register(meters)));
    }
}
