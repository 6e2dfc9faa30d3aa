package io.sitrep.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A steady stream of writes through every command instance, as on-call engineers post while
 * something burns, and a probe of how far behind the read side is, while a fault happens.
 *
 * <p>Each writer has a page of its own and posts an update every 100 ms to its open incident (a
 * new one every 300 updates), through the command instances in turn. Every update's message is a
 * marker of its own ({@code w17}), so that each write can be looked for in the event store, on the
 * topic and in the read models. Every answer is recorded, 2xx or not.
 *
 * <p>The probe reads each writer's incident from the query instances in turn, every 100 ms, and
 * samples the lag: how long ago the oldest acknowledged write that the read model does not show yet
 * was acknowledged (0 when it shows them all).
 */
final class SteadyWrites implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PACE = Duration.ofMillis(100);
    private static final int UPDATES_PER_INCIDENT = 300;

    /** One write and its answer; {@code status} 0 when none came (refused, or timed out). */
    record Write(String marker, String page, String incident, URI instance, long startedNanos, long answeredNanos,
                 int status, long version, String retryAfter, String problem) {

        boolean acknowledged() {
            return status / 100 == 2;
        }

        Duration latency() {
            return Duration.ofNanos(answeredNanos - startedNanos);
        }
    }

    /** A lag sample taken at {@code nanos} from a query instance; {@code lagMillis} -1 when it did not answer. */
    record Sample(long nanos, URI query, long lagMillis) {
    }

    private final String name;
    private final long startedNanos = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String apiKey;
    private final List<URI> commands;
    private final List<URI> pages = new ArrayList<>();
    private final List<String> pageIds = new ArrayList<>();
    private final AtomicInteger markers = new AtomicInteger();
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    // Each writer's open incident: what the probe reads.
    private final Map<Integer, String> openIncidents = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile List<URI> probed;
    private volatile boolean running = true;

    /**
     * Creates a page per writer (through the first command instance) and starts writing at once.
     *
     * @param name the pages' ids start with it
     */
    SteadyWrites(String name, int writers, List<URI> commands, List<URI> queries, String apiKey) {
        this.name = name;
        this.apiKey = apiKey;
        this.commands = commands;
        this.probed = queries;
        for (int i = 0; i < writers; i++) {
            String page = name + "-" + i;
            HttpResponse<String> created = send(commands.get(0), "PUT", "/api/v1/pages/" + page,
                    "{\"name\":\"" + page + "\",\"timeZone\":\"UTC\"}");
            if (created == null || created.statusCode() / 100 != 2) {
                throw new IllegalStateException("Could not create page " + page + ": "
                        + (created == null ? "no answer" : created.statusCode() + " " + created.body()));
            }
            pageIds.add(page);
        }
        for (int i = 0; i < writers; i++) {
            int writer = i;
            threads.add(started(name + "-writer-" + i, () -> write(writer)));
        }
        threads.add(started(name + "-probe", this::probe));
    }

    /** Reads only from these query instances from now on (the others are down, say). */
    void probeOnly(List<URI> queries) {
        probed = queries;
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    List<Write> acknowledged() {
        return writes.stream().filter(Write::acknowledged).toList();
    }

    /** The writes sent at or after {@code nanos}. */
    List<Write> startedSince(long nanos) {
        return writes.stream().filter(write -> write.startedNanos() >= nanos).toList();
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    List<String> pageIds() {
        return pageIds;
    }

    /** Every incident written to, with the highest version a write was acknowledged at. */
    Map<String, Long> acknowledgedVersions() {
        return acknowledged().stream().collect(Collectors.toMap(Write::incident, Write::version, Math::max));
    }

    Set<String> incidents() {
        return writes.stream().map(Write::incident).filter(incident -> incident != null).collect(Collectors.toSet());
    }

    /**
     * Writes the run down for a closer look: {@code <name>-writes.csv} (when each write was sent, in
     * seconds from the start, through which instance, its status and latency) and {@code
     * <name>-lag.csv} (each lag sample: when, from which query instance, the lag in ms).
     */
    void save(Path directory) throws IOException {
        Files.createDirectories(directory);
        StringBuilder lines = new StringBuilder("seconds,instance,status,latency_ms,marker\n");
        writes.forEach(write -> lines.append(String.format("%.3f,%s,%d,%d,%s%n", (write.startedNanos() - startedNanos) / 1e9,
                write.instance(), write.status(), write.latency().toMillis(), write.marker())));
        Files.writeString(directory.resolve(name + "-writes.csv"), lines);
        lines.setLength(0);
        lines.append("seconds,query,lag_ms\n");
        samples.forEach(sample -> lines.append(String.format("%.3f,%s,%d%n", (sample.nanos() - startedNanos) / 1e9,
                sample.query(), sample.lagMillis())));
        Files.writeString(directory.resolve(name + "-lag.csv"), lines);
    }

    /** Stops writing and probing, and waits for the threads to finish what they were doing. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void write(int writer) {
        String page = pageIds.get(writer);
        String incident = null;
        int updates = 0;
        int turn = writer;
        while (running) {
            long started = System.nanoTime();
            URI instance = commands.get(turn++ % commands.size());
            String marker = "w" + markers.incrementAndGet();
            boolean open = incident == null || updates >= UPDATES_PER_INCIDENT;
            HttpResponse<String> answer = open
                    ? send(instance, "POST", "/api/v1/pages/" + page + "/incidents",
                            "{\"title\":\"Steady writes " + page + "\",\"impact\":\"minor\",\"message\":\"" + marker + "\"}")
                    : send(instance, "POST", "/api/v1/incidents/" + incident + "/updates",
                            "{\"message\":\"" + marker + "\"}");
            long answered = System.nanoTime();
            int status = answer == null ? 0 : answer.statusCode();
            long version = -1;
            String problem = null;
            if (status / 100 == 2) {
                JsonNode body = JSON.readTree(answer.body());
                version = body.get("version").asLong();
                if (open) {
                    incident = body.get("incidentId").asString();
                    openIncidents.put(writer, incident);
                    updates = 0;
                }
                updates++;
            } else if (answer != null) {
                problem = answer.body();
            }
            String retryAfter = answer == null ? null : answer.headers().firstValue("Retry-After").orElse(null);
            writes.add(new Write(marker, page, open && status / 100 != 2 ? null : incident, instance, started, answered,
                    status, version, retryAfter, problem));
            pause(started);
        }
    }

    private void probe() {
        int turn = 0;
        while (running) {
            long started = System.nanoTime();
            List<URI> queries = probed;
            for (String incident : openIncidents.values()) {
                URI query = queries.get(turn++ % queries.size());
                HttpResponse<String> answer = send(query, "GET", "/api/v1/incidents/" + incident, null);
                long now = System.nanoTime();
                if (answer == null || answer.statusCode() != 200) {
                    samples.add(new Sample(now, query, answer != null && answer.statusCode() == 404 ? lag(incident, -1, now) : -1));
                    continue;
                }
                long shown = JSON.readTree(answer.body()).get("version").asLong();
                samples.add(new Sample(now, query, lag(incident, shown, now)));
            }
            pause(started);
        }
    }

    /** How long ago the oldest write to the incident acknowledged past {@code shown} was acknowledged. */
    private long lag(String incident, long shown, long now) {
        OptionalLong oldest = writes.stream()
                .filter(write -> write.acknowledged() && incident.equals(write.incident()) && write.version() > shown)
                .mapToLong(Write::answeredNanos).min();
        return oldest.isPresent() ? TimeUnit.NANOSECONDS.toMillis(now - oldest.getAsLong()) : 0;
    }

    private HttpResponse<String> send(URI base, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (json == null) {
            request.GET();
        } else {
            request.header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                    .method(method, BodyPublishers.ofString(json));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null; // refused, reset or timed out: recorded as no answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void pause(long startedNanos) {
        long left = PACE.toNanos() - (System.nanoTime() - startedNanos);
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
