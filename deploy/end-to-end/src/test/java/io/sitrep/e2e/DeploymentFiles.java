package io.sitrep.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The files in deploy/docker and deploy/kubernetes as trees, and what both describe: the production
 * topology (three Kafka brokers, a PostgreSQL primary with a synchronous standby, two instances of each
 * service).
 */
final class DeploymentFiles {

    static final Path ROOT = Path.of("../..");
    static final Path COMPOSE = ROOT.resolve("deploy/docker/compose.yaml");
    static final Map<String, Integer> PORTS = Map.of("incident-command", 8080, "incident-query", 8081);
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeploymentFiles() {
    }

    /**
     * A Compose file's services. Read with SnakeYAML, which resolves the anchors and merge keys ({@code <<})
     * that compose.yaml shares settings with, as Compose does; Jackson's YAML parser does not.
     */
    static JsonNode composeServices(String yaml) {
        Object tree = new Yaml().load(yaml);
        return JSON.valueToTree(tree).get("services");
    }

    static JsonNode composeServices() throws IOException {
        return composeServices(Files.readString(COMPOSE));
    }

    /** The Compose services that run one of Sitrep's services: those built with it as SERVICE. */
    static List<JsonNode> instancesOf(JsonNode services, String service) {
        return values(services).stream()
                .filter(candidate -> candidate.path("build").path("args").path("SERVICE").asString("").equals(service))
                .toList();
    }

    static List<JsonNode> kubernetesDocuments() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("deploy/kubernetes/sitrep.yaml"))) {
            return YAML.readValues(YAML.createParser(reader), JsonNode.class).readAll();
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(document -> document.get("kind").asString().equals(kind)).toList();
    }

    static JsonNode one(List<JsonNode> documents, String kind) {
        List<JsonNode> found = ofKind(documents, kind);
        assertThat(found).as("the %s", kind).hasSize(1);
        return found.get(0);
    }

    static JsonNode named(List<JsonNode> documents, String kind, String name) {
        return ofKind(documents, kind).stream()
                .filter(document -> document.get("metadata").get("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static List<JsonNode> values(JsonNode node) {
        return StreamSupport.stream(node.values().spliterator(), false).toList();
    }

    static String json(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    /** The SITREP_* variables a service's application.properties reads. */
    static Set<String> variablesReadBy(String service) throws IOException {
        String properties = Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        Set<String> variables = new HashSet<>();
        Matcher matcher = Pattern.compile("\\$\\{(SITREP_[A-Z_]+)").matcher(properties);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        assertThat(variables).as("variables of %s", service).isNotEmpty();
        return variables;
    }

    /**
     * Asserts that Compose services (as written, or as {@code docker-compose config} renders them) are the
     * production topology, wired together.
     */
    static void assertComposeTopology(JsonNode services) throws IOException {
        List<String> kafka = namesOf(services, service -> service.path("image").asString("").startsWith("apache/kafka:"));
        assertThat(kafka).as("Kafka brokers").hasSize(3);
        Set<String> nodeIds = new HashSet<>();
        for (String broker : kafka) {
            JsonNode environment = services.get(broker).get("environment");
            nodeIds.add(environment.get("KAFKA_NODE_ID").asString());
            assertThat(environment.get("KAFKA_PROCESS_ROLES").asString()).isEqualTo("broker,controller");
            assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS").asString()).contains("//" + broker + ":");
            assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asString().split(","))
                    .as("%s's quorum", broker).hasSize(3).allSatisfy(voter -> assertThat(kafka)
                            .contains(voter.substring(voter.indexOf('@') + 1, voter.lastIndexOf(':'))));
            assertThat(environment.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asString()).isEqualTo("3");
            assertThat(environment.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asString()).isEqualTo("3");
            assertThat(environment.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asString()).isEqualTo("2");
            assertThat(environment.get("KAFKA_MIN_INSYNC_REPLICAS").asString()).isEqualTo("2");
        }
        assertThat(nodeIds).as("node ids").hasSize(3);

        List<String> postgres = namesOf(services, service -> service.path("image").asString("").equals("postgres:17"));
        assertThat(postgres).as("PostgreSQL servers").containsExactlyInAnyOrder("postgres-primary", "postgres-standby");
        String standby = String.join("\n", values(services.get("postgres-standby").get("command")).stream()
                .map(JsonNode::asString).toList());
        assertThat(standby).contains("pg_basebackup --host=postgres-primary", "standby.signal", "primary_conninfo",
                "application_name=postgres_standby");
        assertThat(Files.readString(ROOT.resolve("deploy/docker/init-replication.sh")))
                .contains("synchronous_standby_names = 'ANY 1 (postgres_standby)'");

        List<String> hostPorts = new ArrayList<>();
        for (String service : PORTS.keySet()) {
            List<JsonNode> instances = instancesOf(services, service);
            assertThat(instances).as("instances of %s", service).hasSize(2);
            for (JsonNode instance : instances) {
                JsonNode environment = instance.get("environment");
                assertThat(environment.get("SITREP_DB_URL").asString()).as("%s's database", service)
                        .startsWith("jdbc:postgresql://postgres-primary:5432,postgres-standby:5432/")
                        .contains("targetServerType=primary", "hostRecheckSeconds=");
                assertThat(environment.get("SITREP_KAFKA_BOOTSTRAP").asString().split(","))
                        .containsExactlyInAnyOrderElementsOf(kafka.stream().map(broker -> broker + ":9092").toList());
                assertThat(environment.get("SITREP_KAFKA_REPLICATION_FACTOR").asString()).isEqualTo("3");
                assertThat(environment.get("SITREP_KAFKA_MIN_INSYNC_REPLICAS").asString()).isEqualTo("2");
                for (JsonNode port : values(instance.get("ports"))) {
                    // "127.0.0.1:8080:8080", or "127.0.0.1:8080:8080/tcp" as docker-compose renders it
                    String[] parts = port.asString().split("[:/]");
                    assertThat(parts[2]).as("%s's container port", service).isEqualTo(PORTS.get(service).toString());
                    hostPorts.add(parts[1]);
                }
            }
        }
        assertThat(hostPorts).as("host ports").doesNotHaveDuplicates().contains("8080", "8081");
    }

    private static List<String> namesOf(JsonNode services, Predicate<JsonNode> filter) {
        return services.propertyNames().stream().filter(name -> filter.test(services.get(name))).toList();
    }
}
