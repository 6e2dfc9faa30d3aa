package io.sitrep.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The broker behind {@link LocalKafka#shared()}. */
final class SharedLocalKafka {

    private static LocalKafka instance;

    private SharedLocalKafka() {
    }

    // Lazy and synchronized rather than a holder class: if the start fails, every test class
    // that asks again sees the real cause instead of a NoClassDefFoundError.
    static synchronized LocalKafka get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static LocalKafka start() {
        Path scratch = createScratchDirectory();
        LocalKafka kafka;
        try {
            kafka = LocalKafka.startForTest(scratch.resolve("data"), Ports.free());
        } catch (RuntimeException e) {
            Directories.deleteRecursively(scratch);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            Directories.deleteRecursively(scratch);
        }, "sitrep-test-kafka-stop"));
        return kafka;
    }

    private static Path createScratchDirectory() {
        try {
            return Files.createTempDirectory("sitrep-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for the test Kafka broker", e);
        }
    }
}
