package io.sitrep.query.web;

import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import io.sitrep.query.readmodel.Projector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running incident-query on a real PostgreSQL and Kafka, shared by the HTML tests (one Spring
 * context); each test class seeds pages of its own through the projector, as the consumer would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sitrep.api-keys=test-key=admin")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    Projector projector;

    WebFixture fixture;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalPostgres.shared().addDataSourceProperties("incident_query_web", registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
    }

    @BeforeAll
    void seed() {
        fixture = WebFixture.seed(projector);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** GETs a path as a browser would ask for it. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
