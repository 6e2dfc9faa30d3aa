package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitrep.local.NodeTools;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class OpenApiDocumentTest extends ApiTestSupport {

    @Test
    void documentsEveryWriteCallWithItsErrors() {
        JsonNode document = expect(api.as(null).get("/v3/api-docs"), 200).json();
        JsonNode paths = document.get("paths");
        assertThat(paths.get("/api/v1/pages/{pageId}").has("put")).isTrue();
        assertThat(paths.get("/api/v1/pages/{pageId}/components/{componentId}").has("put")).isTrue();
        for (String call : new String[] {"/api/v1/pages/{pageId}/incidents", "/api/v1/incidents/{incidentId}/updates",
                "/api/v1/incidents/{incidentId}/monitoring", "/api/v1/incidents/{incidentId}/resolve",
                "/api/v1/incidents/{incidentId}/postmortem"}) {
            JsonNode responses = paths.get(call).get("post").get("responses");
            for (String status : new String[] {"400", "401", "403", "404", "409", "412", "413", "415", "422", "429",
                    "503"}) {
                assertThat(responses.has(status)).as(call + " documents " + status).isTrue();
            }
        }
        assertThat(expect(api.as(null).get("/swagger-ui.html"), 302).header("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/swagger-ui/index.html"));
        assertThat(expect(api.as(null).get("/swagger-ui/index.html"), 200).body()).contains("Swagger UI");
    }

    @Test
    void aRealOpenApiParserReadsTheDocumentWithoutAComplaint() {
        ParseOptions resolve = new ParseOptions();
        resolve.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(
                expect(api.as(null).get("/v3/api-docs"), 200).body(), null, resolve);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsKey("Problem");
    }

    @Test
    void redoclysRecommendedRulesFindNoErrorInTheDocument(@TempDir Path work) throws Exception {
        NodeTools tools = NodeTools.installed().orElse(null);
        assumeTrue(tools != null, "Node.js and npm are not installed");
        Path document = Files.writeString(work.resolve("write-api.json"),
                expect(api.as(null).get("/v3/api-docs"), 200).body());

        NodeTools.Run lint = tools.bin("redocly", "lint", document.toString(), "--extends=recommended");

        assertThat(lint.exitCode()).as(lint.output() + lint.errors()).isZero();
    }

    @Test
    void healthAndMetricsAreOpen() {
        assertThat(expect(api.as(null).get("/actuator/health"), 200).json().get("status").asString()).isEqualTo("UP");
        assertThat(expect(api.as(null).get("/actuator/prometheus"), 200).body()).contains("jvm_memory_used_bytes");
    }
}
