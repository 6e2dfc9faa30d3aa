package io.sitrep.query.rebuild;

import static io.sitrep.query.readmodel.RandomIncidents.BEGIN;
import static io.sitrep.query.readmodel.RandomIncidents.COMPONENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.EventEnvelope;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.PostmortemPublished;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.events.SitrepEvent;
import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.query.readmodel.Projection;
import io.sitrep.query.readmodel.Projector;
import io.sitrep.query.readmodel.RandomIncidents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds on a database and topic of their own (a rebuild replaces the read models with what the
 * topic holds, which the other tests do not feed). The reference each rebuilt read model must equal
 * is the same events folded one at a time, each in its own transaction, into a schema the
 * migrations made, as the consumer folds a stream that arrives slowly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitrep.api-keys=test-key=admin;reader=analytics:read",
        "sitrep.kafka.topic=" + RebuildTest.TOPIC, "sitrep.kafka.group=rebuild-test"})
@DirtiesContext
class RebuildTest {

    static final String TOPIC = "rebuild-test-events";
    private static final String DATABASE = "incident_query_rebuild";

    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Rebuilds rebuilds;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final CloudEventCodec codec = new CloudEventCodec();
    /** Every event this class published on its topic, in the order sent (each page's in its partition's order). */
    private static final List<EventEnvelope> published = new ArrayList<>();
    private static final Map<String, Long> versions = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        LocalPostgres.shared().addDataSourceProperties(DATABASE, registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafka.shared().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafka.shared().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void rebuiltReadModelsEqualTheEventsFoldedOneByOneWhileEventsKeepArriving() throws Exception {
        Random random = new Random(20261129L);
        for (int page = 0; page < 12; page++) {
            publish(history(random, "page-" + page));
        }
        awaitApplied();
        // A read model gone wrong, as a rebuild is there to repair: one row lost, one row changed.
        jdbc.sql("delete from component_status_change where ctid = (select min(ctid) from component_status_change)")
                .update();
        jdbc.sql("update incident set title = 'wrong' where incident_id = (select min(incident_id) from incident)")
                .update();

        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicInteger duringRebuild = new AtomicInteger();
        CompletableFuture<Void> more = CompletableFuture.runAsync(() -> {
            for (int page = 12; publishing.get() || page < 20; page++) {
                List<EventEnvelope> events = history(random, "page-" + page);
                publish(events);
                if (states().values().stream().anyMatch("rebuilding"::equals)) {
                    duringRebuild.addAndGet(events.size());
                }
            }
        });
        assertThat(post("/admin/projections/status-pages/rebuild").statusCode()).isEqualTo(202);
        assertThat(post("/admin/projections/uptime/rebuild").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> states().values().stream().allMatch("live"::equals));
        publishing.set(false);
        more.join();
        awaitApplied();

        assertThat(duringRebuild.get()).as("events published while a rebuild ran").isPositive();
        Map<String, List<String>> reference = foldedOneByOne();
        for (Projection projection : Projection.values()) {
            for (String table : projection.tables()) {
                assertThat(rows("public", table)).as(table).isEqualTo(reference.get(table));
            }
        }
        assertThat(structure("public")).as("indexes and constraints").isEqualTo(reference.get("structure"));
        assertThat(jdbc.sql("select count(*) from information_schema.schemata where schema_name like 'rebuild_%'")
                .query(Long.class).single()).as("new copies left behind").isZero();
    }

    @Test
    void aReadModelNewToTheDatabaseFillsItselfFromTheWholeHistoryAtStart() throws Exception {
        publish(history(new Random(7), "filled"));
        awaitApplied();
        List<String> history = rows("public", "component_status_change");
        // As after an upgrade that added the uptime read model: no state for it, its table empty.
        jdbc.sql("delete from projection where name = 'uptime'").update();
        jdbc.sql("truncate component_status_change").update();

        rebuilds.fillNewReadModels();

        await().atMost(Duration.ofSeconds(60)).until(() -> "live".equals(states().get("uptime")));
        assertThat(rows("public", "component_status_change")).isEqualTo(history).isNotEmpty();
    }

    @Test
    void theAdminCallsNeedAnAdminKeyAndNameReadModelsThatExist() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/admin/projections")).GET()).statusCode()).isEqualTo(401);
        HttpResponse<String> forbidden = send(HttpRequest.newBuilder(uri("/admin/projections"))
                .header("Authorization", "Bearer reader").GET());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> unknown = post("/admin/projections/nonsense/rebuild");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("there are status-pages and uptime");
    }

    @Test
    void aReadModelBeingRebuiltElsewhereIsNotRebuiltTwice() throws Exception {
        // Another instance rebuilding uptime holds its lock.
        try (Connection elsewhere = DriverManager.getConnection(LocalPostgres.shared().jdbcUrl(DATABASE),
                LocalPostgres.shared().username(), LocalPostgres.shared().password());
             Statement statement = elsewhere.createStatement()) {
            statement.execute("select pg_advisory_lock(" + (Projector.SWITCH_OVER_LOCK + 1 + Projection.UPTIME.ordinal())
                    + ")");
            HttpResponse<String> conflict = post("/admin/projections/uptime/rebuild");
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(conflict.body()).contains("uptime is being rebuilt already");
        }
    }

    @Test
    void eachReadModelShowsItsPositionInTheStream() throws Exception {
        publish(history(new Random(11), "positions"));
        awaitApplied();
        JsonNode projections = json.readTree(get("/admin/projections").body());
        assertThat(projections).hasSize(2);
        for (JsonNode projection : projections) {
            assertThat(projection.get("state").asString()).isEqualTo("live");
            assertThat(projection.get("position").asLong()).isEqualTo(published().size());
            assertThat(projection.get("lag").asLong()).isZero();
            assertThat(projection.get("progress").asInt()).isEqualTo(100);
        }
    }

    // ---- the event history

    /**
     * A page with its components, then random incidents on it ({@link RandomIncidents}), some given a
     * postmortem a day after they were resolved, and some events sent twice, as a relay that retried
     * would.
     */
    private List<EventEnvelope> history(Random random, String page) {
        String pageId = page + "-" + UUID.randomUUID().toString().substring(0, 6);
        List<EventEnvelope> events = new ArrayList<>();
        events.add(envelope(new PageDefined(pageId, "Page " + page, "Europe/Berlin", null), BEGIN));
        for (int c = 0; c < COMPONENTS.size(); c++) {
            events.add(envelope(new ComponentDefined(pageId, COMPONENTS.get(c), COMPONENTS.get(c), null, c), BEGIN));
        }
        for (RandomIncidents.Recorded recorded : RandomIncidents.of(random, pageId)) {
            events.add(envelope(recorded.event(), recorded.recordedAt()));
            if (random.nextInt(10) == 0) {
                events.add(events.get(events.size() - 1));
            }
            if (recorded.event() instanceof IncidentResolved resolved && random.nextBoolean()) {
                events.add(envelope(new PostmortemPublished(resolved.incidentId(), pageId, resolved.title(),
                        resolved.impact(), "What happened.", resolved.occurredAt().plus(Duration.ofDays(1))),
                        recorded.recordedAt().plus(Duration.ofDays(1))));
            }
        }
        return events;
    }

    private EventEnvelope envelope(SitrepEvent event, Instant recordedAt) {
        String aggregate = event instanceof IncidentEvent incident ? incident.incidentId()
                : event.pageId();
        long version = versions.merge(aggregate, 1L, Long::sum);
        return CloudEventCodec.envelope(event, UUID.randomUUID().toString(), recordedAt, version);
    }

    private void publish(List<EventEnvelope> events) {
        try {
            for (EventEnvelope event : events) {
                producer.send(new ProducerRecord<>(TOPIC, event.event().pageId(), codec.encode(event))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        synchronized (published) {
            published.addAll(events);
        }
    }

    // ---- what the read models hold

    /** Until the consumer group has applied everything on the topic. */
    private void awaitApplied() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode projections = json.readTree(get("/admin/projections").body());
            JsonNode first = projections.get(0);
            return first.get("lag") != null && first.get("lag").asLong() == 0
                    && first.get("position").asLong() >= published().size();
        });
    }

    private static List<EventEnvelope> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    private Map<String, String> states() {
        try {
            Map<String, String> states = new HashMap<>();
            json.readTree(get("/admin/projections").body()).forEach(projection ->
                    states.put(projection.get("name").asString(), projection.get("state").asString()));
            return states;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table's rows as text, sorted: its whole content, compared row for row. */
    private List<String> rows(String schema, String table) {
        return jdbc.sql("select t::text from " + schema + "." + table + " t order by 1").query(String.class).list();
    }

    /**
     * The read models' tables in the schema as the migrations define them: their indexes, constraints
     * and persistence (p: logged).
     */
    private List<String> structure(String schema) {
        String[] tables = java.util.Arrays.stream(Projection.values()).flatMap(projection -> projection.tables().stream())
                .toArray(String[]::new);
        List<String> structure = new ArrayList<>(jdbc.sql("""
                        select tablename || ' ' || replace(indexdef, schemaname || '.', '') from pg_indexes
                        where schemaname = ? and tablename = any(?)""")
                .params(schema, tables).query(String.class).list());
        structure.addAll(jdbc.sql("""
                        select c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
                        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                        where n.nspname = ? and c.conrelid <> 0""")
                .param(schema).query(String.class).list().stream()
                .map(constraint -> constraint.replace(schema + ".", "")).toList());
        structure.addAll(jdbc.sql("""
                        select c.relname || ' ' || c.relpersistence::text || ' ' || coalesce(array_to_string(c.reloptions, ','), '')
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = ? and c.relname = any(?)""")
                .params(schema, tables).query(String.class).list());
        structure.sort(null);
        return structure;
    }

    /** Every event published, folded one at a time, each in its own transaction, into a schema of its own. */
    private Map<String, List<String>> foldedOneByOne() {
        String schema = "reference";
        SingleConnectionDataSource reference = new SingleConnectionDataSource(LocalPostgres.shared().jdbcUrl(DATABASE),
                LocalPostgres.shared().username(), LocalPostgres.shared().password(), true);
        try {
            reference.setConnectionProperties(Rebuild.shadowConnection(schema));
            JdbcClient.create(reference).sql("drop schema if exists " + schema + " cascade").update();
            Flyway.configure().dataSource(reference).schemas(schema).defaultSchema(schema).createSchemas(true)
                    .locations("classpath:db/migration").load().migrate();
            JdbcTemplate into = new JdbcTemplate(reference);
            for (Projection projection : Projection.values()) {
                Projector projector = Projector.rebuilding(projection, into);
                published().forEach(event -> projector.apply(List.of(event)));
            }
            Map<String, List<String>> tables = new HashMap<>();
            for (Projection projection : Projection.values()) {
                projection.tables().forEach(table -> tables.put(table, rows(schema, table)));
            }
            tables.put("structure", structure(schema));
            JdbcClient.create(reference).sql("drop schema " + schema + " cascade").update();
            return tables;
        } finally {
            reference.destroy();
        }
    }

    // ---- HTTP

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer test-key").GET());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer test-key")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
