package io.sitrep.command.idempotency;

import io.micrometer.core.instrument.Counter;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Answers a repeated idempotent command with its first answer, and records the answer to a new one,
 * inside the command's unit of work: the look-up uses the command's own connection (and waits its
 * turn like any command, see {@code Commands}), and the answer and the events commit together or not
 * at all. A second request with the same key that raced this one fails on the key's primary key and
 * rolls back its own events.
 */
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;
    private final Counter repeats;

    IdempotencyInterceptor(IdempotencyStore store, Counter repeats) {
        this.store = store;
        this.repeats = repeats;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Optional<IdempotencyKey> key = IdempotencyKey.from(unitOfWork.getMessage().getMetaData());
        if (key.isEmpty()) {
            return chain.proceed();
        }
        Optional<IdempotentResult> earlier = store.answered(key.get());
        if (earlier.isPresent()) {
            repeats.increment();
            return earlier.get();
        }
        Object result = chain.proceed();
        if (result instanceof IdempotentResult answer) {
            store.insert(key.get(), answer);
        }
        return result;
    }
}
