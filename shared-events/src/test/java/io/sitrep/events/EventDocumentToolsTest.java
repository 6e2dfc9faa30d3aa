package io.sitrep.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.local.NodeTools;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event documents as the tools of the JavaScript world read them: the AsyncAPI document through
 * {@code @asyncapi/parser} (what AsyncAPI Studio, the generators and most consumers' tooling use),
 * the JSON Schemas through ajv in strict mode. Skipped where Node.js is not installed.
 */
class EventDocumentToolsTest {

    private static final Path RESOURCES = Path.of("src/main/resources").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NodeTools tools;

    @BeforeAll
    static void tools() {
        tools = NodeTools.installed().orElse(null);
        assumeTrue(tools != null, "Node.js and npm are not installed");
    }

    @Test
    void theAsyncApiParserTellsEveryMessageByItsTypeAndData() throws IOException {
        JsonNode parsed = run(tools.script("asyncapi-messages.mjs", RESOURCES.resolve("asyncapi.yaml").toString()));

        assertThat(parsed.get("errors")).as("the parser's errors").isEmpty();
        List<String> seen = new ArrayList<>();
        for (JsonNode message : parsed.get("messages")) {
            seen.add(message.get("type").asText());
            assertThat(message.get("dataTitle").asText()).as(message.get("id").asText())
                    .endsWith(": data");
            assertThat(message.get("dataFields")).as(message.get("id").asText() + "'s data fields").isNotEmpty();
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(EventSchemas.types());
        assertThat(parsed.get("messages").findValuesAsText("dataTitle")).doesNotHaveDuplicates();
    }

    @Test
    void ajvCompilesEverySchemaInStrictModeAndAcceptsEveryApprovedCloudEvent() throws IOException {
        JsonNode result = run(tools.script("json-schemas.mjs", RESOURCES.resolve("schemas").toString(),
                Path.of("src/test/resources/snapshots/cloudevents").toAbsolutePath().toString()));

        assertThat(result.get("schemas").asInt()).isEqualTo(EventSchemas.types().size() + 1);
        assertThat(result.get("compileFailures")).as("strict-mode failures").isEmpty();
        assertThat(result.get("instances").asInt()).isEqualTo(EventSchemas.types().size());
        assertThat(result.get("invalid")).as("approved CloudEvents ajv rejects").isEmpty();
    }

    private static JsonNode run(NodeTools.Run run) throws IOException {
        assertThat(run.exitCode()).as(run.errors()).isZero();
        return JSON.readTree(run.output());
    }
}
