package io.sitrep.local;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One server for all of a JVM's tests ({@link LocalPostgres#shared()}, {@link LocalKafka#shared()}):
 * started on first use with its data in a scratch directory of its own, stopped and the directory
 * deleted when the JVM exits.
 */
final class SharedTestServer<T> {

    private final String name;
    private final Function<Path, T> start;
    private final Consumer<T> stop;
    private T instance;

    SharedTestServer(String name, Function<Path, T> start, Consumer<T> stop) {
        this.name = name;
        this.start = start;
        this.stop = stop;
    }

    // Lazy and synchronized rather than a holder class: if the start fails, every test class
    // that asks again sees the real cause instead of a NoClassDefFoundError.
    synchronized T get() {
        if (instance == null) {
            Path scratch = TestServers.scratchDirectory("sitrep-test-" + name + "-");
            T started;
            try {
                started = start.apply(scratch.resolve("data"));
            } catch (RuntimeException e) {
                Directories.deleteRecursively(scratch);
                throw e;
            }
            TestServers.stopAtExit(scratch, () -> stop.accept(started));
            instance = started;
        }
        return instance;
    }
}
