package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running incident-command on a real PostgreSQL, shared by the HTTP test classes (one Spring
 * context, one database); each test works on pages of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitrep.api-keys=" + ApiTestSupport.KEY + "=pages:write,incidents:write,analytics:read,admin;"
                + ApiTestSupport.PAGES_ONLY_KEY + "=pages:write;"
                + ApiTestSupport.OTHER_KEY + "=incidents:write"})
public abstract class ApiTestSupport {

    static final String KEY = "test-key";
    static final String PAGES_ONLY_KEY = "pages-only-key";
    static final String OTHER_KEY = "other-key";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected HttpApi api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalPostgres.shared().addDataSourceProperties("incident_command_api", registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
    }

    @BeforeEach
    void connect() {
        api = new HttpApi(port, KEY);
    }

    /** A new page with components api, chat and web (group Platform for the first two). */
    protected String newPage() {
        String pageId = "page-" + UUID.randomUUID().toString().substring(0, 8);
        expect(api.put("/api/v1/pages/" + pageId, """
                {"name":"Test page","timeZone":"America/Los_Angeles"}"""), 201);
        expect(api.put("/api/v1/pages/" + pageId + "/components/api", """
                {"name":"API","group":"Platform"}"""), 201);
        expect(api.put("/api/v1/pages/" + pageId + "/components/chat", """
                {"name":"Chat","group":"Platform"}"""), 201);
        expect(api.put("/api/v1/pages/" + pageId + "/components/web", """
                {"name":"Website"}"""), 201);
        return pageId;
    }

    protected String openIncident(String pageId) {
        return expect(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"Chat is slow","impact":"minor","message":"We are investigating.",
                 "components":{"chat":"degraded_performance"}}"""), 201).json().get("incidentId").asString();
    }

    public static HttpApi.Answer expect(HttpApi.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer;
    }

    /** Makes the calls at once, from {@code threads} threads, and answers their answers in order. */
    public static List<HttpApi.Answer> concurrently(int threads, List<Callable<HttpApi.Answer>> calls)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<HttpApi.Answer> answers = new ArrayList<>();
            for (Future<HttpApi.Answer> answer : clients.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    /** The sequence numbers stored for an aggregate, in order. */
    protected List<Long> sequenceNumbers(String aggregateId) {
        return jdbc.sql("select sequence_number from domain_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number")
                .param(aggregateId).query(Long.class).list();
    }

    /** The ids of a page's events (its own, its components' and its incidents'), in stored order. */
    public static List<String> storedEventIds(JdbcClient jdbc, String pageId) {
        return jdbc.sql("""
                        select event_identifier from domain_event_entry
                        where convert_from(payload, 'UTF8')::jsonb ->> 'pageId' = ? order by global_index""")
                .param(pageId).query(String.class).list();
    }
}
