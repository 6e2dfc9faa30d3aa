package io.sitrep.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The server behind {@link LocalPostgres#shared()}. */
final class SharedLocalPostgres {

    // The unpacked binaries outlive the JVM (zonky names them by digest and locks while
    // unpacking), so that later test JVMs skip the seconds it takes to unpack them.
    static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "sitrep-postgres-binaries");

    private static LocalPostgres instance;

    private SharedLocalPostgres() {
    }

    // Lazy and synchronized rather than a holder class: if the start fails, every test class
    // that asks again sees the real cause instead of a NoClassDefFoundError.
    static synchronized LocalPostgres get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static LocalPostgres start() {
        Path scratch = createScratchDirectory();
        LocalPostgres postgres;
        try {
            postgres = LocalPostgres.start(scratch.resolve("data"), Ports.free(), LocalPostgres.Durability.FAST, BINARIES);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(scratch);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            Directories.deleteRecursively(scratch);
        }, "sitrep-test-postgres-stop"));
        return postgres;
    }

    private static Path createScratchDirectory() {
        try {
            return Files.createTempDirectory("sitrep-test-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for the test PostgreSQL", e);
        }
    }
}
