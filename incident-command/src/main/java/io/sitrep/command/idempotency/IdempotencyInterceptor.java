package io.sitrep.command.idempotency;

import io.sitrep.command.incident.IncidentCommands.IncidentWritten;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Records the answer to an idempotent command inside the command's unit of work, so the answer and
 * the events commit together or not at all. A second request with the same key that raced this
 * one fails on the key's primary key and rolls back its own events.
 */
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;

    IdempotencyInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        if (result instanceof IncidentWritten written) {
            IdempotencyKey.from(unitOfWork.getMessage().getMetaData())
                    .ifPresent(key -> store.insert(key, written));
        }
        return result;
    }
}
