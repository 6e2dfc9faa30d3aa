package io.sitrep.command;

/** The event store cannot be reached at the moment: nothing was changed (a 503). */
public class StoreUnreachable extends RuntimeException {

    public StoreUnreachable() {
        super("the event store cannot be reached; nothing was changed, try again shortly");
    }
}
