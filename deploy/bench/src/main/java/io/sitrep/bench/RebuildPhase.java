package io.sitrep.bench;

import io.sitrep.local.LocalSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long history, and what incident-query does with it: {@link TopicHistory} writes it onto the
 * event topic while incident-query is stopped; started again, it applies it (the rate of a catch-up
 * of that size, from healthy to nothing left); once both databases are vacuumed and analysed (as
 * autovacuum would have done since), time travel is asked of the page with
 * half the incidents, one request at a time; then every read model is rebuilt through the admin
 * API, each timed from the request until {@code GET /admin/projections} shows it live again.
 */
final class RebuildPhase {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(30);

    /** One read model's rebuild: every event on the topic replayed. */
    record Rebuilt(String name, long events, double seconds, double eventsPerSecond) {
    }

    /**
     * @param events            written onto the topic
     * @param appliedPerSecond  events / seconds from incident-query healthy again to the backlog
     *                          empty; null if it was not empty within the timeout
     * @param bigPageIncidents  incidents on the page time travel was asked of
     * @param asOf              summaries of that page as of random instants of its history
     */
    record Result(long events, Double appliedPerSecond, long bigPageIncidents, Load.Result asOf,
                  List<Rebuilt> rebuilds) {
    }

    private final LocalSystem system;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private RebuildPhase(LocalSystem system) {
        this.system = system;
    }

    static Result run(LocalSystem system, long events, Duration readPhase) {
        return new RebuildPhase(system).run(events, readPhase);
    }

    private Result run(long events, Duration readPhase) {
        TopicHistory history = new TopicHistory();
        CatchUp.Applied applied = CatchUp.afterBacklog("history", system, () -> {
            try (Progress ignored = Progress.start("history: writing onto the topic", "events", history::sent)) {
                history.write(system.kafkaBootstrapServers(), Backlog.TOPIC, events);
            }
            return history.sent();
        });
        say(String.format("%,d events written; applied at %s events/s", history.sent(),
                applied.eventsPerSecond() == null ? "(not within the timeout)"
                        : String.format("%,.0f", applied.eventsPerSecond())));
        say("Vacuuming and checkpointing both databases, as autovacuum would have done over that history");
        History.settle(system);

        Load.Result asOf = Load.run(String.format("as of, %,d incidents", history.incidentsOnBigPage()),
                system.query().baseUrl(), 1, Pacing.closedLoop(Duration.ofSeconds(2), readPhase),
                () -> Request.get("/api/v1/pages/" + TopicHistory.BIG_PAGE + "/summary?asOf=" + history.someInstant()),
                response -> { });

        List<Rebuilt> rebuilds = new ArrayList<>();
        for (JsonNode projection : projections()) {
            rebuilds.add(rebuild(projection.get("name").asString()));
        }
        return new Result(history.sent(), applied.eventsPerSecond(), history.incidentsOnBigPage(), asOf, rebuilds);
    }

    /** Rebuilds the read model, timed from the request to its state live again. */
    private Rebuilt rebuild(String name) {
        long events = position(name);
        AtomicLong replayed = new AtomicLong();
        long start = System.nanoTime();
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(admin("/admin/projections/" + name + "/rebuild"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST rebuild of " + name + " answered " + accepted.statusCode() + ": "
                    + accepted.body());
        }
        try (Progress ignored = Progress.start("rebuild: " + name, "events replayed", replayed::get)) {
            while (true) {
                JsonNode state = projection(name);
                if (state.get("state").asString().equals("live")) {
                    break;
                }
                replayed.set(state.get("position").asLong());
                if (System.nanoTime() - start > REBUILD_TIMEOUT.toNanos()) {
                    throw new IllegalStateException(name + " was not rebuilt within " + REBUILD_TIMEOUT.toMinutes()
                            + " minutes");
                }
                Load.waitUntil(System.nanoTime() + POLL.toNanos());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        say(String.format("%s rebuilt: %,d events in %.1f s, %,.0f events/s", name, events, seconds, events / seconds));
        return new Rebuilt(name, events, seconds, events / seconds);
    }

    /** Where the live consumer group stands: every event on the topic, once the backlog is empty. */
    private long position(String name) {
        return projection(name).get("position").asLong();
    }

    private JsonNode projection(String name) {
        for (JsonNode projection : projections()) {
            if (projection.get("name").asString().equals(name)) {
                return projection;
            }
        }
        throw new IllegalStateException("GET /admin/projections does not list " + name);
    }

    private JsonNode projections() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(admin("/admin/projections")).GET());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /admin/projections answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return json.readTree(answer.body());
    }

    private URI admin(String path) {
        return system.query().baseUrl().resolve(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + LocalSystem.API_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("incident-query's admin API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
