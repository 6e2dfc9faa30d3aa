package io.sitrep.e2e;

import static io.sitrep.e2e.DeploymentFiles.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.sitrep.local.NodeTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every document of deploy/kubernetes/sitrep.yaml is one the API server would accept as written, with
 * strict field validation (a misspelt field is an error, not silently dropped):
 * <ul>
 * <li>the built-in kinds against the Kubernetes API's OpenAPI schema, as the official Java client
 * ({@code io.kubernetes:client-java-api}, Kubernetes 1.32) generates it into its models, which reject
 * undeclared fields, missing required fields and values of the wrong type;</li>
 * <li>the Strimzi and CloudNativePG resources against the OpenAPI schemas of their operators'
 * CustomResourceDefinitions (the released files, in src/test/resources/crds), with ajv.</li>
 * </ul>
 * Each check is also shown to reject a broken copy, so that a pass means something.
 */
class KubernetesSchemaTest {

    /** Parses and validates a resource's JSON as its model class does, throwing on what does not fit. */
    private interface BuiltIn {
        Object parse(String json) throws IOException;
    }

    private static final Map<String, BuiltIn> BUILT_IN = Map.of(
            "v1 ConfigMap", V1ConfigMap::fromJson,
            "v1 Secret", V1Secret::fromJson,
            "v1 Service", V1Service::fromJson,
            "apps/v1 Deployment", V1Deployment::fromJson,
            "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget::fromJson);
    private static final List<String> DEFINITIONS = List.of("strimzi-1.2.0-040-Crd-kafka.yaml",
            "strimzi-1.2.0-043-Crd-kafkatopic.yaml", "strimzi-1.2.0-045-Crd-kafkanodepool.yaml",
            "cloudnative-pg-1.30.0-clusters.yaml", "cloudnative-pg-1.30.0-databases.yaml");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyBuiltInResourceMatchesTheKubernetesApi() throws IOException {
        List<JsonNode> builtIn = DeploymentFiles.kubernetesDocuments().stream()
                .filter(document -> BUILT_IN.containsKey(kindOf(document))).toList();
        assertThat(builtIn).extracting(KubernetesSchemaTest::kindOf).containsAll(BUILT_IN.keySet());
        for (JsonNode document : builtIn) {
            assertThatCode(() -> BUILT_IN.get(kindOf(document)).parse(json(document)))
                    .as("%s %s", kindOf(document), document.get("metadata").get("name")).doesNotThrowAnyException();
        }

        JsonNode deployment = builtIn.stream().filter(document -> kindOf(document).endsWith("Deployment"))
                .findFirst().orElseThrow();
        ObjectNode container = (ObjectNode) deployment.get("spec").get("template").get("spec").get("containers").get(0);
        container.set("readinesProbe", container.remove("readinessProbe"));
        assertThatThrownBy(() -> V1Deployment.fromJson(json(deployment))).hasMessageContaining("readinesProbe");
    }

    @Test
    void everyCustomResourceMatchesItsDefinition(@TempDir Path directory) throws IOException {
        NodeTools tools = NodeTools.installed().orElse(null);
        assumeTrue(tools != null, "Node.js and npm are not installed");
        List<JsonNode> documents = DeploymentFiles.kubernetesDocuments();
        List<JsonNode> custom = documents.stream().filter(document -> !BUILT_IN.containsKey(kindOf(document))).toList();
        assertThat(custom).extracting(document -> document.get("kind").asString())
                .containsExactlyInAnyOrder("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaTopic", "Cluster", "Database");

        JsonNode result = validate(tools, directory, custom);
        assertThat(result.get("validated").asInt()).isEqualTo(custom.size());
        assertThat(result.get("invalid")).as("invalid resources").isEmpty();

        ObjectNode synchronous = (ObjectNode) DeploymentFiles.one(custom, "Cluster").get("spec").get("postgresql")
                .get("synchronous");
        synchronous.set("methd", synchronous.remove("method"));
        assertThat(validate(tools, directory, custom).get("invalid").toString()).contains("methd", "method");
    }

    /** What crd-resources.mjs makes of these resources against the vendored definitions. */
    private static JsonNode validate(NodeTools tools, Path directory, List<JsonNode> resources) throws IOException {
        List<JsonNode> definitions = new ArrayList<>();
        for (String name : DEFINITIONS) {
            try (InputStream in = KubernetesSchemaTest.class.getResourceAsStream("/crds/" + name)) {
                definitions.add(YAML.readTree(in));
            }
        }
        Path input = directory.resolve("resources.json");
        Files.writeString(input, json(JSON.createObjectNode().<ObjectNode>set("definitions", JSON.valueToTree(definitions))
                .set("resources", JSON.valueToTree(resources))));
        NodeTools.Run run = tools.script("crd-resources.mjs", input.toString());
        assertThat(run.exitCode()).as("crd-resources.mjs: %s", run.errors()).isZero();
        return JSON.readTree(run.output());
    }

    private static String kindOf(JsonNode document) {
        return document.get("apiVersion").asString() + " " + document.get("kind").asString();
    }
}
