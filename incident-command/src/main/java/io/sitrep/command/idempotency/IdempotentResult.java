package io.sitrep.command.idempotency;

/**
 * A command result that an {@code Idempotency-Key} can answer again: the id of what the command
 * wrote and the version it wrote.
 */
public interface IdempotentResult {

    String id();

    long version();
}
