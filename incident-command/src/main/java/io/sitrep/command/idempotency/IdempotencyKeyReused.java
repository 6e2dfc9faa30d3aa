package io.sitrep.command.idempotency;

/** The same Idempotency-Key came with a different request than the one it first answered. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key " + key + " was already used for a different request; use a new key");
    }
}
