package io.sitrep.command.idempotency;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class IdempotencyConfig {

    /** Every command handler records the answers to idempotent requests (Axon's way to add an interceptor). */
    @Autowired
    void recordIdempotentAnswers(CommandBus commandBus, IdempotencyStore store) {
        commandBus.registerHandlerInterceptor(new IdempotencyInterceptor(store));
    }
}
