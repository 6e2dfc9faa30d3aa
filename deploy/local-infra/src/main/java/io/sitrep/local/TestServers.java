package io.sitrep.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Servers a test class starts for itself (to stop and restart them, say). They are stopped when the
 * JVM exits rather than in the class's {@code @AfterAll}, which JUnit runs before Spring closes the
 * class's application context: stopping them there would pull the database or broker out from
 * under a context that is still running.
 */
public final class TestServers {

    private TestServers() {
    }

    /** A new temporary directory for a test's servers. */
    public static Path scratchDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a scratch directory", e);
        }
    }

    /** At JVM exit: runs {@code stop}, then deletes {@code scratch}. */
    public static void stopAtExit(Path scratch, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            Directories.deleteRecursively(scratch);
        }, "sitrep-test-servers-stop"));
    }
}
