package io.sitrep.command.incident;

import io.sitrep.command.Commands;
import io.sitrep.command.idempotency.IdempotencyKey;
import io.sitrep.command.idempotency.IdempotencyStore;
import io.sitrep.command.idempotency.IdempotentResult;
import io.sitrep.command.incident.IncidentCommands.IncidentWritten;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Sends incident commands, honouring an {@code Idempotency-Key}: a repeat of a request that
 * succeeded gets the first answer and changes nothing; the same key with another request is refused.
 * A command that lost a race for its incident is decided again, up to {@value #ATTEMPTS} times.
 */
@Service
class IncidentCommandSender {

    /** How often a command is tried when the incident keeps changing under it. */
    private static final int ATTEMPTS = 3;

    private final Commands commands;
    private final IdempotencyStore answers;

    IncidentCommandSender(Commands commands, IdempotencyStore answers) {
        this.commands = commands;
        this.answers = answers;
    }

    /** Sends the command; its answer, or the first answer to a request with the same key. */
    IncidentWritten send(Object command, @Nullable IdempotencyKey key) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        if (key != null) {
            message = message.andMetaData(key.asMetaData());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return written(commands.sendAndWait(message));
            } catch (ConcurrencyException stale) {
                // The incident changed under this command (another instance wrote it since this one
                // last saw it): nothing was stored, so decide again on what is stored now.
                if (attempt == ATTEMPTS) {
                    throw stale;
                }
            } catch (DuplicateKeyException raced) {
                if (key == null) {
                    throw raced;
                }
                // Another request with this key committed first: answer as it was answered.
                return written(answers.answered(key).orElseThrow(() -> raced));
            }
        }
    }

    /** The command's answer, or the first answer again (as the idempotency store kept it). */
    private static IncidentWritten written(IdempotentResult answer) {
        return answer instanceof IncidentWritten written ? written : new IncidentWritten(answer.id(), answer.version());
    }
}
