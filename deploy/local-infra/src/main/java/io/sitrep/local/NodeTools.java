package io.sitrep.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The third-party validators that the tests take from the npm registry: Redocly's CLI, the AsyncAPI
 * parser, ajv, axe-core and the Nu HTML Checker ({@code vnu-jar}), at the versions
 * {@code node-tools/package-lock.json} pins, with a few scripts of ours that drive them. They are
 * installed with the machine's Node.js and npm ({@code npm ci}, install scripts off) on first use,
 * into a directory named by the lock file's digest that later test JVMs reuse. {@code .ci/run}
 * installs Node.js and npm where they are missing; without them, {@link #installed()} is empty and
 * the tests that need the tools are skipped.
 */
public final class NodeTools {

    private static final String RESOURCES = "/node-tools/";
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "asyncapi-messages.mjs",
            "json-schemas.mjs", "crd-resources.mjs");
    private static final long TIMEOUT_MINUTES = 5;
    private static Optional<NodeTools> instance;

    private final Path directory;

    private NodeTools(Path directory) {
        this.directory = directory;
    }

    /** What a tool printed on standard output, and how it exited; {@code errors} is its standard error. */
    public record Run(int exitCode, String output, String errors) {
    }

    /** The tools, installed on first use; empty where Node.js or npm is not on the path. */
    public static synchronized Optional<NodeTools> installed() {
        if (instance == null) {
            instance = onPath("node") && onPath("npm") ? Optional.of(install()) : Optional.empty();
        }
        return instance;
    }

    /** A file of an installed package, such as {@code axe-core/axe.min.js}. */
    public Path file(String pathInNodeModules) {
        return directory.resolve("node_modules").resolve(pathInNodeModules);
    }

    /** Runs one of our scripts (in {@code node-tools/}) with Node.js. */
    public Run script(String name, String... arguments) {
        List<String> command = new ArrayList<>(List.of("node", directory.resolve(name).toString()));
        command.addAll(List.of(arguments));
        return run(command);
    }

    /** Runs the command a package installs, such as {@code redocly}. */
    public Run bin(String name, String... arguments) {
        List<String> command = new ArrayList<>(List.of(file(".bin/" + name).toString()));
        command.addAll(List.of(arguments));
        return run(command);
    }

    /** Runs a command in the tools' directory, such as {@code java -jar} on {@code vnu-jar/build/dist/vnu.jar}. */
    public Run run(List<String> command) {
        try {
            Path output = Files.createTempFile("sitrep-node-tool-", ".out");
            Path errors = Files.createTempFile("sitrep-node-tool-", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in "
                            + TIMEOUT_MINUTES + " minutes");
                }
                return new Run(process.exitValue(), Files.readString(output), Files.readString(errors));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    private static NodeTools install() {
        byte[] lock = resource("package-lock.json");
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "sitrep-node-tools-" + digest(lock));
        try {
            Files.createDirectories(directory);
            // One JVM installs at a time; the others find the tools in place once it is done.
            try (FileChannel channel = FileChannel.open(directory.resolve(".install-lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                for (String file : FILES) {
                    Files.write(directory.resolve(file), resource(file));
                }
                Path done = directory.resolve(".installed");
                if (!Files.exists(done)) {
                    NodeTools tools = new NodeTools(directory);
                    Run npm = tools.run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"));
                    if (npm.exitCode() != 0) {
                        throw new IllegalStateException("npm ci failed in " + directory + ":\n" + npm.errors());
                    }
                    Files.writeString(done, "installed\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install the node tools in " + directory, e);
        }
        return new NodeTools(directory);
    }

    /** Whether a command is on the path, so that a test can skip where its tool is missing. */
    public static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, command))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] resource(String name) {
        try (InputStream in = NodeTools.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of these bytes. */
    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
