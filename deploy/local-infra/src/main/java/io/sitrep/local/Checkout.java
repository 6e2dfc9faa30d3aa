package io.sitrep.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A checkout of Sitrep with its services built: what ./run.sh and ./bench.sh tell their launchers
 * ({@code --repo-root}, {@code --command-jar}, {@code --query-jar}).
 */
public record Checkout(Path root, Path commandJar, Path queryJar) {

    public static final String USAGE = "--repo-root=<dir> --command-jar=<jar> --query-jar=<jar>";

    /**
     * Reads the three options from {@code args} and hands every other argument, in order, to
     * {@code launcherArgument}: each launcher has a few options of its own.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static Checkout parse(String[] args, Consumer<String> launcherArgument) {
        Path root = null;
        Path commandJar = null;
        Path queryJar = null;
        for (String arg : args) {
            if (arg.startsWith("--repo-root=")) {
                root = pathAfter("--repo-root=", arg);
            } else if (arg.startsWith("--command-jar=")) {
                commandJar = pathAfter("--command-jar=", arg);
            } else if (arg.startsWith("--query-jar=")) {
                queryJar = pathAfter("--query-jar=", arg);
            } else {
                launcherArgument.accept(arg);
            }
        }
        if (root == null || commandJar == null || queryJar == null) {
            throw new IllegalArgumentException("--repo-root, --command-jar and --query-jar are required");
        }
        requireFile(commandJar);
        requireFile(queryJar);
        return new Checkout(root, commandJar, queryJar);
    }

    /** Everything the launchers keep between runs, git-ignored. */
    public Path stateDirectory() {
        return root.resolve(".sitrep");
    }

    /** Where zonky unpacks the PostgreSQL binaries, shared by every launcher and kept. */
    public Path binariesDirectory() {
        return stateDirectory().resolve("binaries");
    }

    private static Path pathAfter(String prefix, String arg) {
        return Path.of(arg.substring(prefix.length())).toAbsolutePath().normalize();
    }

    private static void requireFile(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No such jar: " + jar + " (build with ./mvnw -DskipTests package)");
        }
    }
}
