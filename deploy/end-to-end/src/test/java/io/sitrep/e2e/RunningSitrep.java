package io.sitrep.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.local.Ports;
import io.sitrep.local.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sitrep as ./run.sh runs it: incident-command and incident-query from their jars, as processes of
 * their own, on a real PostgreSQL and a real Kafka broker: the embedded ones, started once for all
 * end-to-end tests ({@link #get()}), or any others ({@link #start}). Tracing is turned on as in
 * production, with {@code OTEL_EXPORTER_OTLP_ENDPOINT}: the services export their spans to a
 * collector of the test's own ({@link #traces()}).
 */
final class RunningSitrep implements AutoCloseable {

    static final String API_KEY = "e2e-key";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningSitrep instance;

    private final HttpClient http = HttpClient.newHttpClient();
    private final OtlpReceiver traces;
    private final List<ServiceProcess> services;
    private final URI command;
    private final URI query;

    private RunningSitrep(OtlpReceiver traces, List<ServiceProcess> services) {
        this.traces = traces;
        this.services = services;
        this.command = services.get(0).baseUrl();
        this.query = services.get(1).baseUrl();
    }

    /** The system on this JVM's embedded PostgreSQL and Kafka, started on first use, stopped when the JVM exits. */
    static synchronized RunningSitrep get() {
        if (instance == null) {
            LocalPostgres postgres = LocalPostgres.shared();
            postgres.createDatabase("e2e_command");
            postgres.createDatabase("e2e_query");
            instance = start(postgres.jdbcUrl("e2e_command"), postgres.jdbcUrl("e2e_query"), postgres.username(),
                    postgres.password(), LocalKafka.shared().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "sitrep-e2e-stop"));
        }
        return instance;
    }

    /** Starts both services on the given databases and Kafka, and returns once both are healthy. */
    static RunningSitrep start(String commandDatabase, String queryDatabase, String user, String password,
                               String bootstrapServers) {
        OtlpReceiver traces = OtlpReceiver.start();
        Map<String, String> common = Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(),
                "SITREP_KAFKA_BOOTSTRAP", bootstrapServers,
                "SITREP_BIND_ADDRESS", "127.0.0.1",
                "SITREP_DB_USER", user,
                "SITREP_DB_PASSWORD", password,
                "SITREP_API_KEYS", API_KEY + "=pages:write,incidents:write");
        int commandPort = Ports.free();
        int queryPort = Ports.free();
        List<ServiceProcess> services = List.of(
                ServiceProcess.start("incident-command", jar("sitrep.command.jar"),
                        URI.create("http://127.0.0.1:" + commandPort), with(common,
                                "SITREP_DB_URL", commandDatabase,
                                "SITREP_COMMAND_PORT", Integer.toString(commandPort))),
                ServiceProcess.start("incident-query", jar("sitrep.query.jar"),
                        URI.create("http://127.0.0.1:" + queryPort), with(common,
                                "SITREP_DB_URL", queryDatabase,
                                "SITREP_QUERY_PORT", Integer.toString(queryPort))));
        RunningSitrep sitrep = new RunningSitrep(traces, services);
        await("both services healthy").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            services.forEach(service -> assertThat(service.isAlive())
                    .as("%s is running (see its output in this test's log)", service.name()).isTrue());
            return services.stream().allMatch(ServiceProcess::isHealthy);
        });
        return sitrep;
    }

    /** Stops both services, and then their collector. */
    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        traces.close();
    }

    /** The spans both services exported so far. */
    List<OtlpReceiver.ReceivedSpan> traces() {
        return traces.spans();
    }

    private static Path jar(String property) {
        Path jar = Path.of(System.getProperty(property, "unset: run through Maven"));
        assertThat(Files.isRegularFile(jar)).as("%s exists (mvn package builds it)", jar).isTrue();
        return jar;
    }

    private static Map<String, String> with(Map<String, String> common, String... more) {
        Map<String, String> environment = new HashMap<>(common);
        for (int i = 0; i < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }

    /** A write: answers with the status and the JSON body. */
    Answer write(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(command.resolve(path))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** Both services' metrics, as Prometheus scrapes them from {@code /actuator/prometheus}. */
    String metrics() {
        return send(HttpRequest.newBuilder(command.resolve("/actuator/prometheus")).GET()).expect(200).body()
                + send(HttpRequest.newBuilder(query.resolve("/actuator/prometheus")).GET()).expect(200).body();
    }

    /** A read from incident-query. */
    Answer read(String path) {
        return send(HttpRequest.newBuilder(query.resolve(path)).GET());
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.request().method() + " " + response.uri(), response.statusCode(),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(String request, int status, String body) {

        Answer expect(int expected) {
            assertThat(status).as("%s -> %d %s", request, status, body).isEqualTo(expected);
            return this;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
