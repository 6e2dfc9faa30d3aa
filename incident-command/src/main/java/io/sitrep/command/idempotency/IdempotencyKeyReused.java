package io.sitrep.command.idempotency;

import io.sitrep.command.CommandRejected;

/** The same Idempotency-Key came with a different request than the one it first answered. */
public class IdempotencyKeyReused extends CommandRejected {

    public IdempotencyKeyReused(String key) {
        super(Reason.CONTRADICTS_STATE, null, "idempotency-key-reused",
                "Idempotency-Key " + key + " was already used for a different request; use a new key");
    }
}
