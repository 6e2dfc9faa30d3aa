package io.sitrep.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sitrep.local.Checkout;
import io.sitrep.local.LocalPorts;
import io.sitrep.local.LocalSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed incidents, replayed on Sitrep's own infrastructure as {@code ./run.sh --cluster} starts
 * it: three Kafka nodes, a PostgreSQL primary with a synchronous standby, and two instances of each
 * service, all real processes. Each fault happens under a steady stream of writes through both
 * command instances ({@link SteadyWrites}); afterwards every acknowledged write must be in the event
 * store once, on the topic, and in both query instances' read models once ({@link WriteAudit}).
 * Each test prints its figures (sent, acknowledged, found, lost, duplicated, and how soon writes
 * and reads were normal again) on a line starting {@code [cluster-faults]}. The last test rebuilds
 * the read models and compares them with what the faults left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "sitrep.incident-events";
    private static final int WRITERS = 4;
    private static final Duration SETTLE = Duration.ofSeconds(60);
    // The cluster's data and logs, and each run's writes and lag samples (SteadyWrites#save).
    private static final Path ROOT = Path.of("target", "cluster-fault-test").toAbsolutePath();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> allIncidents = new ArrayList<>();
    private LocalSystem cluster;
    private List<URI> commands;
    private List<URI> queries;

    @BeforeAll
    void startCluster() {
        Checkout checkout = new Checkout(ROOT, jar("sitrep.command.jar"), jar("sitrep.query.jar"));
        cluster = new LocalSystem(checkout, ROOT.resolve("data"), freeClusterPorts(), true, Map.of());
        cluster.start(true);
        commands = cluster.commands().stream().map(LocalSystem.Service::baseUrl).toList();
        queries = cluster.queries().stream().map(LocalSystem.Service::baseUrl).toList();
    }

    /** Whatever a test left frozen or dead (having failed half-way, say) runs again for the next. */
    @AfterEach
    void healCluster() {
        cluster.heal();
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * Olark: an event-queue node drops off the network without leaving its cluster, then comes back;
     * later it dies and is started again on its data.
     */
    @Test
    @Order(1)
    void olarkABrokerFrozenThenKilledAndRestarted() throws Exception {
        String broker = "kafka-2";
        long frozenAt;
        long resumedAt;
        long restartedAt;
        String normalAfterReturn;
        String normalAfterRestart;
        SteadyWrites writes = steadyWrites("olark");
        try (writes) {
            awaitAcknowledged(writes, 40);
            frozenAt = inject("freeze", broker);
            // The seed incident's outage: the broker is gone this long, and writes keep their 2xx all along.
            lasting(Duration.ofSeconds(30), () -> writes.startedSince(frozenAt).stream().allMatch(SteadyWrites.Write::acknowledged));
            resumedAt = inject("resume", broker);
            normalAfterReturn = awaitCaughtUp(writes, resumedAt, queries);
            long killedAt = inject("kill", broker);
            lasting(Duration.ofSeconds(10), () -> writes.startedSince(killedAt).stream().allMatch(SteadyWrites.Write::acknowledged));
            restartedAt = inject("restart", broker);
            normalAfterRestart = awaitCaughtUp(writes, restartedAt, queries);
        }
        awaitFullyReplicated();
        WriteAudit.Tally tally = audit(writes);
        // The event store is the outbox: while a broker was away, every write still got its 2xx.
        assertThat(writes.writes()).allSatisfy(write -> assertThat(write.status()).as(write.toString()).isBetween(200, 299));
        assertStatusPagesShowLatestWrites(writes);
        report("Olark (kafka-2 frozen 30 s, later killed and restarted)", tally,
                "slowest write %d ms; worst lag while frozen %d ms; every write visible on both query instances %s after the broker's return and %s after its restart"
                        .formatted(slowestWrite(writes.writes()), worstLag(writes, frozenAt, resumedAt), normalAfterReturn,
                                normalAfterRestart));
    }

    /** Does something to a part of the cluster, says so with the time (to find in the services' logs), and answers when. */
    private long inject(String action, String part) {
        System.out.println("[cluster-faults] " + LocalTime.now() + " " + action + " " + part);
        switch (action) {
            case "freeze" -> cluster.freeze(part);
            case "resume" -> cluster.resume(part);
            case "kill" -> cluster.kill(part);
            case "restart" -> cluster.restart(part);
            default -> throw new IllegalArgumentException(action);
        }
        return System.nanoTime();
    }

    /**
     * Tenfold: the primary database stops answering. Writes answer 503 with Retry-After, the standby
     * is promoted, both services carry on through it without a restart, and the old primary comes
     * back as the new standby.
     */
    @Test
    @Order(2)
    void tenfoldThePrimaryDatabaseFrozenThenFailedOver() throws Exception {
        String primary = cluster.primaryPart();
        long frozenAt;
        long failedOverAt;
        String readsNormal;
        SteadyWrites writes = steadyWrites("tenfold");
        try (writes) {
            awaitAcknowledged(writes, 40);
            frozenAt = inject("freeze", primary);
            await("both command instances answer 503").atMost(SETTLE).pollInterval(Duration.ofMillis(100))
                    .until(() -> commands.stream().allMatch(command -> writes.startedSince(frozenAt).stream()
                            .filter(write -> write.instance().equals(command) && write.status() == 503).count() >= 3));
            // The outage lasts until someone fails over; meanwhile no write gets through.
            lasting(Duration.ofSeconds(5), () -> writes.startedSince(frozenAt).stream().noneMatch(SteadyWrites.Write::acknowledged));
            System.out.println("[cluster-faults] " + LocalTime.now() + " fail over");
            cluster.failOver();
            failedOverAt = System.nanoTime();
            await("writes through both command instances acknowledged again").atMost(SETTLE).pollInterval(Duration.ofMillis(100))
                    .until(() -> commands.stream().allMatch(command -> writes.startedSince(failedOverAt).stream()
                            .anyMatch(write -> write.instance().equals(command) && write.acknowledged())));
            readsNormal = awaitCaughtUp(writes, failedOverAt, queries);
            inject("restart", primary);
            awaitAcknowledged(writes, writes.acknowledged().size() + 40);
        }
        List<SteadyWrites.Write> refused = writes.writes().stream().filter(write -> !write.acknowledged()).toList();
        assertThat(refused).as("writes refused during the outage").isNotEmpty().allSatisfy(write -> {
            assertThat(write.status()).as(write.toString()).isEqualTo(503);
            assertThat(write.retryAfter()).as(write.toString()).isNotNull();
            assertThat(write.answeredNanos()).as(write.toString()).isBetween(frozenAt, failedOverAt + SETTLE.toNanos());
        });
        assertThat(cluster.primaryPart()).isNotEqualTo(primary);
        assertThat(synchronousStandbys()).as("standbys the new primary's commits wait for").isEqualTo(1);
        WriteAudit.Tally tally = audit(writes);
        long lastRefusal = refused.stream().mapToLong(SteadyWrites.Write::answeredNanos).max().orElse(failedOverAt);
        report("Tenfold (primary PostgreSQL frozen, standby promoted, old primary rebuilt as standby)", tally,
                String.format("%d writes refused with 503 and Retry-After, each answered within %d ms of the freeze"
                                + " or of being sent; writes normal again %s after the failover; every write visible on both query instances %s after it",
                        refused.size(), refused.stream().mapToLong(write -> TimeUnit.NANOSECONDS.toMillis(
                                        write.answeredNanos() - Math.max(write.startedNanos(), frozenAt))).max().orElse(0),
                                seconds(Math.max(0, lastRefusal - failedOverAt)), readsNormal));
    }

    /** An incident-query instance dies (kill -9): the other takes over its partitions. */
    @Test
    @Order(3)
    void aQueryInstanceKilled() throws Exception {
        LocalSystem.Service victim = cluster.queries().get(1);
        long killedAt;
        String readsNormal;
        SteadyWrites writes = steadyWrites("query-kill");
        try (writes) {
            awaitAcknowledged(writes, 40);
            writes.probeOnly(List.of(queries.get(0)));
            killedAt = inject("kill", victim.name());
            readsNormal = awaitCaughtUp(writes, killedAt, List.of(queries.get(0)));
            inject("restart", victim.name());
            writes.probeOnly(queries);
            awaitAcknowledged(writes, writes.acknowledged().size() + 40);
        }
        WriteAudit.Tally tally = audit(writes);
        assertThat(writes.writes()).allSatisfy(write -> assertThat(write.acknowledged()).as(write.toString()).isTrue());
        report("incident-query-2 killed (SIGKILL), later restarted", tally,
                "incident-query-1 showed every write acknowledged before the kill %s after it".formatted(readsNormal));
    }

    /** The command instance running the relay dies: the other takes the relay over from the last acknowledged position. */
    @Test
    @Order(4)
    void theRelaysCommandInstanceKilled() throws Exception {
        LocalSystem.Service victim = relayInstance();
        assertThat(victim).as("the command instance running the relay").isNotNull();
        long killedAt;
        long takenOverAt;
        String readsNormal;
        SteadyWrites writes = steadyWrites("relay-kill");
        try (writes) {
            awaitAcknowledged(writes, 40);
            killedAt = inject("kill", victim.name());
            await("the other command instance runs the relay").atMost(SETTLE).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        LocalSystem.Service running = relayInstance();
                        return running != null && !running.equals(victim);
                    });
            takenOverAt = System.nanoTime();
            readsNormal = awaitCaughtUp(writes, killedAt, queries);
            inject("restart", victim.name());
            awaitAcknowledged(writes, writes.acknowledged().size() + 40);
        }
        WriteAudit.Tally tally = audit(writes);
        // Only the dead instance failed writes, and only while it was down.
        assertThat(writes.writes().stream().filter(write -> !write.acknowledged()))
                .allSatisfy(write -> assertThat(write.instance()).as(write.toString()).isEqualTo(victim.baseUrl()));
        report(victim.name() + ", running the relay, killed (SIGKILL), later restarted", tally,
                "the relay moved to the other instance %s after the kill; every write acknowledged before the kill visible %s after it"
                        .formatted(seconds(takenOverAt - killedAt), readsNormal));
    }

    /**
     * Commands racing on the same incidents through both command instances: of two marking an
     * incident monitoring at once, one wins and the other gets a 409; updates posted at once all
     * succeed, each at a version of its own; the store and the topic have no gap and no repeat.
     */
    @Test
    @Order(5)
    void concurrentCommandsThroughBothInstances() throws Exception {
        String page = "concurrent";
        post(commands.get(0), "PUT", "/api/v1/pages/" + page, "{\"name\":\"Concurrent\",\"timeZone\":\"UTC\"}");
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> opened = post(commands.get(i % 2), "POST", "/api/v1/pages/" + page + "/incidents",
                    "{\"title\":\"Race " + i + "\",\"impact\":\"minor\",\"message\":\"opened\"}");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            incidents.add(JSON.readTree(opened.body()).get("incidentId").asString());
        }
        Map<Integer, Integer> monitoringAnswers = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        for (String incident : incidents) {
            for (int round = 0; round < 5; round++) {
                List<HttpResponse<String>> updates = race(incident, "/updates", "{\"message\":\"race " + round + "\"}");
                assertThat(updates).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
                assertThat(updates.stream().map(answer -> JSON.readTree(answer.body()).get("version").asLong()).distinct())
                        .as("versions of updates posted at once").hasSize(2);
            }
            List<HttpResponse<String>> monitoring = race(incident, "/monitoring", "{\"message\":\"watching\"}");
            monitoring.forEach(answer -> monitoringAnswers.merge(answer.statusCode(), 1, Integer::sum));
            assertThat(monitoring.stream().map(HttpResponse::statusCode).sorted().toList())
                    .as("one of two marks monitoring wins, the other conflicts").containsExactly(200, 409);
            versions.put(incident, 12L); // opened, ten updates, monitoring
        }
        await("both query instances apply every command").atMost(SETTLE).pollInterval(Duration.ofMillis(250))
                .until(() -> WriteAudit.applied(versions, queries));
        WriteAudit audit = WriteAudit.of(incidents, cluster.jdbcUrl("sitrep_command"), cluster.kafkaBootstrapServers(),
                TOPIC, queries);
        assertThat(audit.storeVersionFaults).isEmpty();
        assertThat(audit.topicOrderFaults).isEmpty();
        for (URI query : queries) {
            assertThat(audit.inReadModels.get(query).get("watching")).as("monitoring entries on %s", query).isEqualTo(20);
        }
        allIncidents.addAll(incidents);
        System.out.println("[cluster-faults] Concurrent commands on 20 incidents through both instances: 200 updates all"
                + " acknowledged at versions of their own; marking monitoring at once answered " + monitoringAnswers
                + "; no gap or repeated version in the store or on the topic");
    }

    /** After all of the above, the read models equal a fresh rebuild of them from the topic. */
    @Test
    @Order(6)
    void theReadModelsEqualAFreshRebuild() {
        Map<String, JsonNode> before = new HashMap<>();
        allIncidents.forEach(incident -> before.put(incident, incidentJson(queries.get(0), incident)));
        assertThat(before).isNotEmpty();
        HttpResponse<String> started = post(queries.get(0), "POST", "/admin/projections/status-pages/rebuild", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        await("the rebuilt status-pages read model is live").atMost(SETTLE).pollInterval(Duration.ofMillis(250))
                .until(() -> projectionState("status-pages").equals("live"));
        for (URI query : queries) {
            allIncidents.forEach(incident -> assertThat(incidentJson(query, incident))
                    .as("incident %s on %s after the rebuild", incident, query).isEqualTo(before.get(incident)));
        }
        System.out.println("[cluster-faults] After all of the above, the status-pages read model rebuilt from the topic:"
                + " all " + before.size() + " incidents read the same on both query instances as before the rebuild");
    }

    private List<HttpResponse<String>> race(String incident, String action, String json) throws Exception {
        CyclicBarrier start = new CyclicBarrier(commands.size());
        List<CompletableFuture<HttpResponse<String>>> answers = commands.stream()
                .map(command -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return post(command, "POST", "/api/v1/incidents/" + incident + action, json);
                }))
                .toList();
        List<HttpResponse<String>> results = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            results.add(answer.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private HttpResponse<String> post(URI base, String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + LocalSystem.API_KEY).header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(json)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode incidentJson(URI query, String incident) {
        HttpResponse<String> answer = WriteAudit.get(query.resolve("/api/v1/incidents/" + incident));
        assertThat(answer.statusCode()).as("incident %s on %s", incident, query).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private String projectionState(String name) {
        HttpRequest request = HttpRequest.newBuilder(queries.get(0).resolve("/admin/projections"))
                .header("Authorization", "Bearer " + LocalSystem.API_KEY).build();
        try {
            for (JsonNode projection : JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body())) {
                if (projection.get("name").asString().equals(name)) {
                    return projection.get("state").asString();
                }
            }
            return "missing";
        } catch (IOException e) {
            return "unanswered";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The command instance whose claim on the relay's token is current, by the process id Axon records as owner. */
    private LocalSystem.Service relayInstance() throws SQLException {
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl("sitrep_command"), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet owner = statement.executeQuery("select owner from token_entry where processor_name = 'kafka-relay'")) {
            assertThat(owner.next()).as("the relay's token").isTrue();
            String pid = String.valueOf(owner.getString(1)).split("@")[0];
            return cluster.commands().stream()
                    .filter(command -> cluster.process(command).isAlive() && pid.equals(Long.toString(cluster.process(command).pid())))
                    .findFirst().orElse(null);
        }
    }

    /** How many standbys the primary's commits wait for now. */
    private int synchronousStandbys() throws SQLException {
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl("postgres"), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery(
                     "select count(*) from pg_stat_replication where sync_state in ('sync', 'quorum')")) {
            count.next();
            return count.getInt(1);
        }
    }

    /**
     * Waits until {@code readers} show every write acknowledged so far, and says how long after
     * {@code sinceNanos} that was: how soon the read side had caught up after a fault ended.
     */
    private static String awaitCaughtUp(SteadyWrites writes, long sinceNanos, List<URI> readers) {
        Map<String, Long> versions = writes.acknowledgedVersions();
        await("the read side shows every write acknowledged so far").atMost(SETTLE).pollInterval(Duration.ofMillis(50))
                .until(() -> WriteAudit.applied(versions, readers));
        return seconds(System.nanoTime() - sinceNanos);
    }

    /** Waits until both query instances have applied every acknowledged write, then audits and checks the run. */
    private WriteAudit.Tally audit(SteadyWrites writes) throws SQLException, IOException {
        writes.save(ROOT);
        Map<String, Long> versions = writes.acknowledgedVersions();
        await("both query instances apply every acknowledged write").atMost(SETTLE).pollInterval(Duration.ofMillis(250))
                .until(() -> WriteAudit.applied(versions, queries));
        WriteAudit.Tally tally = WriteAudit.of(writes.incidents(), cluster.jdbcUrl("sitrep_command"),
                cluster.kafkaBootstrapServers(), TOPIC, queries).tally(writes.writes());
        allIncidents.addAll(writes.incidents());
        assertThat(tally.acknowledged()).as("acknowledged writes").isPositive();
        assertThat(tally.lost()).as("acknowledged writes missing from the store, the topic or a read model").isEmpty();
        assertThat(tally.duplicated()).as("writes stored or shown twice").isEmpty();
        assertThat(tally.storeVersionFaults()).as("incidents whose stored versions have a gap or a repeat").isEmpty();
        assertThat(tally.topicOrderFaults()).as("records out of order on the topic").isEmpty();
        return tally;
    }

    /** Each page shows its incident's newest acknowledged update, on both query instances: nothing stale. */
    private void assertStatusPagesShowLatestWrites(SteadyWrites writes) {
        for (String page : writes.pageIds()) {
            SteadyWrites.Write latest = writes.acknowledged().stream().filter(write -> write.page().equals(page))
                    .reduce((first, second) -> second).orElseThrow();
            for (URI query : queries) {
                assertThat(WriteAudit.get(query.resolve("/pages/" + page)).body())
                        .as("status page %s on %s", page, query).contains(latest.marker());
            }
        }
    }

    private static void report(String fault, WriteAudit.Tally tally, String recovery) {
        System.out.println("[cluster-faults] " + fault + ": " + tally.row() + "; " + recovery);
    }

    private static long slowestWrite(List<SteadyWrites.Write> writes) {
        return writes.stream().mapToLong(write -> write.latency().toMillis()).max().orElse(0);
    }

    private static long worstLag(SteadyWrites writes, long fromNanos, long toNanos) {
        return writes.samples().stream().filter(sample -> sample.nanos() >= fromNanos && sample.nanos() <= toNanos)
                .mapToLong(SteadyWrites.Sample::lagMillis).max().orElse(0);
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    private SteadyWrites steadyWrites(String name) {
        return new SteadyWrites(name, WRITERS, commands, queries, LocalSystem.API_KEY);
    }

    private void awaitAcknowledged(SteadyWrites writes, int count) {
        await("%d writes acknowledged".formatted(count)).atMost(SETTLE).pollInterval(Duration.ofMillis(100))
                .until(() -> writes.acknowledged().size() >= count);
    }

    private void awaitFullyReplicated() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrapServers()))) {
            await("every partition of the event topic with three replicas in sync").atMost(SETTLE)
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
                        return topic.partitions().stream().allMatch(partition -> partition.isr().size() == 3);
                    });
        }
    }

    /**
     * Lets a fault last its time (the scenario's own, as the seed incident's 30 s), checking all along
     * that what users see meanwhile holds.
     */
    private static void lasting(Duration duration, Callable<Boolean> meanwhile) {
        await("a fault lasting " + duration.toSeconds() + " s").during(duration).atMost(duration.plusSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(meanwhile);
    }

    private static Path jar(String property) {
        Path jar = Path.of(System.getProperty(property, "unset: run through Maven"));
        assertThat(Files.isRegularFile(jar)).as("%s exists (mvn package builds it)", jar).isTrue();
        return jar;
    }

    /**
     * Ports for a cluster, as ./run.sh --cluster lays them out from a base (PostgreSQL on the base
     * and the next, Kafka from base + 10, the services from base + 20), all free, below the range
     * the system hands out for outgoing connections.
     */
    private static LocalPorts freeClusterPorts() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(120) * 100;
            if (IntStream.of(0, 1, 10, 11, 12, 20, 21, 22, 23).allMatch(offset -> isFree(base + offset))) {
                return new LocalPorts(base, base + 10, base + 20, base + 21);
            }
        }
        throw new IllegalStateException("No free ports for a cluster between 20000 and 32000");
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
