package io.sitrep.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitrep.local.NodeTools;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class IncidentQueryApplicationTest extends QueryTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reportsHealthyWhenTheDatabaseAndKafkaAreUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheOpenApiDocumentAndPrometheusMetrics() throws Exception {
        assertThat(get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void aRealOpenApiParserReadsTheDocumentWithoutAComplaint() throws Exception {
        ParseOptions resolve = new ParseOptions();
        resolve.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(get("/v3/api-docs").body(), null, resolve);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKey("/api/v1/pages/{pageId}/summary");
        parsed.getOpenAPI().getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (path.contains("/analytics") || path.startsWith("/admin/")) {
                assertThat(operation.getSecurity()).as(path + " needs an API key").hasSize(1);
                assertThat(operation.getResponses()).as(path + " documents 401 and 403").containsKeys("401", "403");
            } else {
                assertThat(operation.getSecurity()).as(path + " is public and says so").isEmpty();
                assertThat(operation.getSecurity()).as(path + " says security: []").isNotNull();
            }
            if (path.contains("{")) {
                assertThat(operation.getResponses()).as(path + " documents its 404").containsKey("404");
            }
        }));
        assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("apiKey");
    }

    @Test
    void redoclysRecommendedRulesFindNoErrorInTheDocument(@TempDir Path work) throws Exception {
        NodeTools tools = NodeTools.installed().orElse(null);
        assumeTrue(tools != null, "Node.js and npm are not installed");
        Path document = Files.writeString(work.resolve("read-api.json"), get("/v3/api-docs").body());

        NodeTools.Run lint = tools.bin("redocly", "lint", document.toString(), "--extends=recommended");

        assertThat(lint.exitCode()).as(lint.output() + lint.errors()).isZero();
    }

    @Test
    void appliesTheFlywayMigrations() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where version in ('1', '2') and success", Integer.class);

        assertThat(applied).isEqualTo(2);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
