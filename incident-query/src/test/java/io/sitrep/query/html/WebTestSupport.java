package io.sitrep.query.html;

import io.sitrep.query.QueryTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTML tests on the running incident-query: each test class seeds the fixture's pages through
 * the projector, as the consumer would (seeding twice changes nothing).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebTestSupport extends QueryTestSupport {

    WebFixture fixture;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void seed() {
        fixture = WebFixture.seed(projector);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** GETs a path as a browser would ask for it. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(browserRequest(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a path as a browser would after its user signed in with the analytics key (HTTP Basic). */
    HttpResponse<String> getSignedIn(String path) throws IOException, InterruptedException {
        return http.send(browserRequest(path).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((":" + ANALYTICS_KEY).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder browserRequest(String path) {
        return HttpRequest.newBuilder(URI.create(url(path)))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }
}
