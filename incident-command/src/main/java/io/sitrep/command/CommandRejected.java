package io.sitrep.command;

/**
 * An aggregate's refusal of a command. The reason says how the refusal relates to what is stored;
 * {@code problemType} names the kind of refusal more finely where clients need to tell it apart
 * (null when the reason says enough); {@code field} names the request field at fault, if any. The
 * web layer turns all three into a problem answer.
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
    private final String problemType;

    public CommandRejected(Reason reason, String field, String problemType, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
        this.problemType = problemType;
    }

    public static CommandRejected notFound(String message) {
        return new CommandRejected(Reason.NOT_FOUND, null, null, message);
    }

    public static CommandRejected noSuchPage(String pageId) {
        return notFound("page " + pageId + " does not exist");
    }

    public static CommandRejected illegalTransition(String message) {
        return new CommandRejected(Reason.ILLEGAL_TRANSITION, null, "illegal-transition", message);
    }

    public static CommandRejected staleVersion(long expected, long current) {
        return new CommandRejected(Reason.STALE_VERSION, null, null,
                "the incident is at version " + current + ", not " + expected + " as expected");
    }

    public static CommandRejected contradictsState(String field, String message) {
        return new CommandRejected(Reason.CONTRADICTS_STATE, field, null, message);
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public String problemType() {
        return problemType;
    }
}
