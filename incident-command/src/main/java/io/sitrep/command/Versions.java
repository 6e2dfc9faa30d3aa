package io.sitrep.command;

/**
 * An aggregate's public version (the {@code ETag} of the write API, the CloudEvents sequence) counts
 * its events: 1 once its first event is stored. The event store numbers them from 0.
 */
public final class Versions {

    private Versions() {
    }

    /** The version an aggregate is at once the event with this sequence number is stored. */
    public static long afterSequenceNumber(long sequenceNumber) {
        return sequenceNumber + 1;
    }
}
