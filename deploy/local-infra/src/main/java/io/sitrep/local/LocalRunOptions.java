package io.sitrep.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The command line of {@link LocalRun}, as ./run.sh writes it. */
record LocalRunOptions(Path repoRoot, Path commandJar, Path queryJar, boolean fresh) {

    static final String USAGE =
            "usage: LocalRun --repo-root=<dir> --command-jar=<jar> --query-jar=<jar> [--fresh]";

    /** @throws IllegalArgumentException naming what is missing or wrong */
    static LocalRunOptions parse(String... args) {
        Path repoRoot = null;
        Path commandJar = null;
        Path queryJar = null;
        boolean fresh = false;
        for (String arg : args) {
            if (arg.equals("--fresh")) {
                fresh = true;
            } else if (arg.startsWith("--repo-root=")) {
                repoRoot = pathAfter("--repo-root=", arg);
            } else if (arg.startsWith("--command-jar=")) {
                commandJar = pathAfter("--command-jar=", arg);
            } else if (arg.startsWith("--query-jar=")) {
                queryJar = pathAfter("--query-jar=", arg);
            } else {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        if (repoRoot == null || commandJar == null || queryJar == null) {
            throw new IllegalArgumentException("--repo-root, --command-jar and --query-jar are required");
        }
        requireFile(commandJar);
        requireFile(queryJar);
        return new LocalRunOptions(repoRoot, commandJar, queryJar, fresh);
    }

    /** Everything ./run.sh keeps between runs. */
    Path stateDirectory() {
        return repoRoot.resolve(".sitrep");
    }

    /** What --fresh wipes: the databases and Kafka's logs; not the unpacked binaries. */
    Path dataDirectory() {
        return stateDirectory().resolve("data");
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
