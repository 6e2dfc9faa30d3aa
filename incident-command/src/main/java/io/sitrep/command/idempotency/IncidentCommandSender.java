package io.sitrep.command.idempotency;

import io.sitrep.command.incident.IncidentCommands.IncidentWritten;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Sends incident commands, honouring an {@code Idempotency-Key}: a repeat of a request that
 * succeeded gets the first answer and changes nothing; the same key with another request is refused.
 */
@Service
public class IncidentCommandSender {

    private final CommandGateway gateway;
    private final IdempotencyStore store;

    IncidentCommandSender(CommandGateway gateway, CommandBus commandBus, IdempotencyStore store) {
        this.gateway = gateway;
        this.store = store;
        commandBus.registerHandlerInterceptor(new IdempotencyInterceptor(store));
    }

    public IncidentWritten send(Object command, @Nullable IdempotencyKey key) {
        if (key == null) {
            return gateway.sendAndWait(command);
        }
        return store.find(key.apiKeyHash(), key.key())
                .map(answer -> replay(answer, key))
                .orElseGet(() -> sendOnce(command, key));
    }

    private IncidentWritten sendOnce(Object command, IdempotencyKey key) {
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(key.asMetaData()));
        } catch (DuplicateKeyException raced) {
            return replay(store.find(key.apiKeyHash(), key.key()).orElseThrow(() -> raced), key);
        }
    }

    private static IncidentWritten replay(IdempotencyStore.Answer answer, IdempotencyKey key) {
        if (!answer.requestHash().equals(key.requestHash())) {
            throw new IdempotencyKeyReused(key.key());
        }
        return answer.written();
    }
}
