package io.sitrep.command;

/**
 * The event store cannot be reached at the moment (a 503). A command refused for it changed nothing;
 * but one under way when the store stopped answering may have been committed without the answer
 * getting back, which only a retry with the same Idempotency-Key settles safely.
 */
public class StoreUnreachable extends RuntimeException {

    public StoreUnreachable() {
        super("the event store cannot be reached; try again shortly, with the same Idempotency-Key so that"
                + " the change is made once even if this attempt reached the store");
    }
}
