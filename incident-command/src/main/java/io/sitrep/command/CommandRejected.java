package io.sitrep.command;

/**
 * An aggregate's refusal of a command. The reason says how the refusal relates to what is stored;
 * the web layer turns it into a status code. {@code field} names the request field at fault, if any.
 */
public class CommandRejected extends RuntimeException {

    public enum Reason {
        /** The page, incident or component the command addresses does not exist. */
        NOT_FOUND,
        /** The lifecycle does not allow the command in the aggregate's current state. */
        ILLEGAL_TRANSITION,
        /** The command was conditional on a version that is no longer current. */
        STALE_VERSION,
        /** The command is well-formed but contradicts what is stored. */
        CONTRADICTS_STATE
    }

    private final Reason reason;
    private final String field;

    public CommandRejected(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public static CommandRejected notFound(String message) {
        return new CommandRejected(Reason.NOT_FOUND, null, message);
    }

    public static CommandRejected illegalTransition(String message) {
        return new CommandRejected(Reason.ILLEGAL_TRANSITION, null, message);
    }

    public static CommandRejected staleVersion(long expected, long current) {
        return new CommandRejected(Reason.STALE_VERSION, null,
                "the incident is at version " + current + ", not " + expected + " as If-Match expects");
    }

    public static CommandRejected contradictsState(String field, String message) {
        return new CommandRejected(Reason.CONTRADICTS_STATE, field, message);
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
