package io.sitrep.local;

/**
 * A process of the local system that can be failed as a machine fails, through the signals of
 * {@link Signals}: frozen (it neither answers nor closes its connections), resumed, or killed at once.
 * Whatever the process started goes with it.
 */
@FunctionalInterface
public interface Failable {

    /** The operating system's id of the process. */
    long pid();

    /** Freezes it (SIGSTOP). */
    default void freeze() {
        Signals.freezeTree(pid());
    }

    /** Lets it go on (SIGCONT). */
    default void resume() {
        Signals.resumeTree(pid());
    }

    /** Kills it (SIGKILL) and returns once it is gone. */
    default void kill() {
        Signals.killTree(pid());
    }

    /** Whether it runs, frozen or not. */
    default boolean isRunning() {
        return ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
    }
}
