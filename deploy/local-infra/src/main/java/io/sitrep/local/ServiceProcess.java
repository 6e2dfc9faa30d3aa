package io.sitrep.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A service's fat jar running as a child JVM, its output copied to ours with its name in front. */
public final class ServiceProcess implements AutoCloseable, Failable {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final URI baseUrl;
    private final Process process;
    private final Thread outputCopier;

    private ServiceProcess(String name, URI baseUrl, Process process) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.process = process;
        this.outputCopier = new Thread(this::copyOutput, name + "-output");
        outputCopier.setDaemon(true);
        outputCopier.start();
    }

    /**
     * The services' memory, set rather than left to the JVM (which would take a quarter of the
     * machine's memory for heap alone): 256 MB of heap, bounded metaspace, code cache, direct buffers
     * and thread stacks, so that each service stays under 512 MB resident under load. The serial
     * collector: on the two cores the services share with PostgreSQL and Kafka, a parallel or
     * concurrent collector only competes with them for CPU, and pauses of a 256 MB heap are short.
     * The Dockerfile starts the services with the same options (DeploymentFilesTest).
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx256m", "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m", "-Xss512k", "-XX:+UseSerialGC");

    /** Runs {@code java -jar jar} with our environment plus {@code environment}. */
    public static ServiceProcess start(String name, Path jar, URI baseUrl, Map<String, String> environment) {
        // The JVM running us, so that the services run on the JDK the user chose for ./run.sh.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(name, baseUrl, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " from " + jar, e);
        }
    }

    public String name() {
        return name;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The operating system's id of the service's JVM, to read its memory use say. */
    @Override
    public long pid() {
        return process.pid();
    }

    int exitCode() {
        return process.exitValue();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** True once {@code GET /actuator/health} answers 200. */
    public boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Asks the service to stop (SIGTERM, so Spring shuts down gracefully) and kills it if it still
     * runs after the grace period.
     */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        resume(); // a frozen JVM handles SIGTERM only once it runs again
        // Through the ProcessHandle: Process.destroy() would also close the output pipe, and the
        // service's last words (why it stopped, or failed to) would be lost.
        process.toHandle().destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("[sitrep] " + name + " did not stop within " + GRACEFUL_STOP.toSeconds() + " s; killing it");
                process.toHandle().destroyForcibly();
                process.waitFor();
            }
            // Let its last lines reach the console before anything else is reported.
            outputCopier.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            process.toHandle().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void copyOutput() {
        String prefix = "[" + name + "] ";
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println(prefix + line);
            }
        } catch (IOException e) {
            System.err.println(prefix + "output lost: " + e.getMessage());
        }
    }
}
