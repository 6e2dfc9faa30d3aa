package io.sitrep.e2e;

import static io.sitrep.e2e.DeploymentFiles.PORTS;
import static io.sitrep.e2e.DeploymentFiles.ROOT;
import static io.sitrep.e2e.DeploymentFiles.instancesOf;
import static io.sitrep.e2e.DeploymentFiles.named;
import static io.sitrep.e2e.DeploymentFiles.ofKind;
import static io.sitrep.e2e.DeploymentFiles.one;
import static io.sitrep.e2e.DeploymentFiles.values;
import static io.sitrep.e2e.DeploymentFiles.variablesReadBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.sitrep.local.ServiceProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Docker Compose and Kubernetes files configure the services only with variables the services
 * read, give each what it cannot start without, and describe the production topology, wired together
 * (the Kafka topics as the services create them, the databases the services connect to). No Docker or
 * Kubernetes here to run them; ComposeConfigTest and KubernetesSchemaTest check them with real tools.
 */
class DeploymentFilesTest {

    private static final List<String> REQUIRED = List.of("SITREP_DB_URL", "SITREP_DB_USER", "SITREP_DB_PASSWORD",
            "SITREP_KAFKA_BOOTSTRAP", "SITREP_API_KEYS");

    @Test
    void composeSetsWhatEachServiceReads() throws IOException {
        JsonNode services = DeploymentFiles.composeServices();
        for (String service : PORTS.keySet()) {
            for (JsonNode instance : instancesOf(services, service)) {
                assertThat(instance.get("environment").propertyNames()).as("%s in compose.yaml", service)
                        .containsAll(REQUIRED).isSubsetOf(variablesReadBy(service));
            }
        }
    }

    @Test
    void composeDescribesTheProductionTopology() throws IOException {
        DeploymentFiles.assertComposeTopology(DeploymentFiles.composeServices());
    }

    @Test
    void kubernetesSetsWhatEachServiceReads() throws IOException {
        List<JsonNode> documents = DeploymentFiles.kubernetesDocuments();
        Set<String> shared = new HashSet<>(one(documents, "ConfigMap").get("data").propertyNames());
        shared.addAll(one(documents, "Secret").get("stringData").propertyNames());
        Set<String> readByAny = new HashSet<>(variablesReadBy("incident-command"));
        readByAny.addAll(variablesReadBy("incident-query"));
        assertThat(shared).as("ConfigMap and Secret").isSubsetOf(readByAny);

        List<JsonNode> deployments = ofKind(documents, "Deployment");
        assertThat(deployments).extracting(deployment -> deployment.get("metadata").get("name").asString())
                .containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        for (JsonNode deployment : deployments) {
            String service = deployment.get("metadata").get("name").asString();
            JsonNode container = container(deployment);
            Set<String> own = environment(container).keySet();
            assertThat(own).as("%s's own env", service).isSubsetOf(variablesReadBy(service));
            Set<String> all = new HashSet<>(own);
            all.addAll(shared);
            assertThat(all).as("%s's whole env", service).containsAll(REQUIRED);
            assertThat(container.get("ports").get(0).get("containerPort").asInt()).isEqualTo(PORTS.get(service));
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertThat(container.get(probe).get("httpGet").get("port").asInt()).as("%s's %s", service, probe)
                        .isEqualTo(PORTS.get(service));
            }
        }
    }

    @Test
    void kubernetesRunsTwoReplicasOfEachServiceThatSurviveANodeLossAndADrain() throws IOException {
        List<JsonNode> documents = DeploymentFiles.kubernetesDocuments();
        for (JsonNode deployment : ofKind(documents, "Deployment")) {
            String service = deployment.get("metadata").get("name").asString();
            JsonNode spec = deployment.get("spec");
            JsonNode labels = spec.get("selector").get("matchLabels");
            assertThat(spec.get("replicas").asInt()).as("%s's replicas", service).isGreaterThanOrEqualTo(2);

            JsonNode budget = named(documents, "PodDisruptionBudget", service).get("spec");
            assertThat(budget.get("minAvailable").asInt()).isEqualTo(1);
            assertThat(budget.get("selector").get("matchLabels")).isEqualTo(labels);

            JsonNode pod = spec.get("template").get("spec");
            assertThat(values(pod.get("topologySpreadConstraints"))).as("%s's spread", service).anySatisfy(spread -> {
                assertThat(spread.get("topologyKey").asString()).isEqualTo("kubernetes.io/hostname");
                assertThat(spread.get("whenUnsatisfiable").asString()).isEqualTo("DoNotSchedule");
                assertThat(spread.get("labelSelector").get("matchLabels")).isEqualTo(labels);
            });

            JsonNode container = container(deployment);
            assertThat(container.get("readinessProbe").get("httpGet").get("path").asString())
                    .isEqualTo("/actuator/health/readiness");
            assertThat(container.get("livenessProbe").get("httpGet").get("path").asString())
                    .isEqualTo("/actuator/health/liveness");
            // Spring Boot waits up to 30 s for requests in flight (its default per shutdown phase), after
            // the preStop pause.
            int pause = values(container.get("lifecycle").get("preStop").get("exec").get("command")).get(1).asInt();
            assertThat(pod.get("terminationGracePeriodSeconds").asInt()).as("%s's grace period", service)
                    .isGreaterThan(pause + 30);
            assertThat(container.get("resources").get("limits").get("memory").asString()).isEqualTo("640Mi");
        }
    }

    @Test
    void kubernetesKafkaHasThreeBrokersAndTheTopicsAsTheServicesCreateThem() throws IOException {
        List<JsonNode> documents = DeploymentFiles.kubernetesDocuments();
        JsonNode settings = one(documents, "ConfigMap").get("data");
        String cluster = one(documents, "Kafka").get("metadata").get("name").asString();
        assertThat(settings.get("SITREP_KAFKA_BOOTSTRAP").asString()).startsWith(cluster + "-kafka-bootstrap:");

        JsonNode pool = one(documents, "KafkaNodePool");
        assertThat(pool.get("metadata").get("labels").get("strimzi.io/cluster").asString()).isEqualTo(cluster);
        assertThat(pool.get("spec").get("replicas").asInt()).isEqualTo(3);
        assertThat(values(pool.get("spec").get("roles"))).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("controller", "broker");

        String replicas = settings.get("SITREP_KAFKA_REPLICATION_FACTOR").asString();
        String inSync = settings.get("SITREP_KAFKA_MIN_INSYNC_REPLICAS").asString();
        assertThat(replicas).isEqualTo("3");
        assertThat(inSync).isEqualTo("2");
        JsonNode events = named(documents, "KafkaTopic", settings.get("SITREP_KAFKA_TOPIC").asString());
        JsonNode deadLetters = named(documents, "KafkaTopic", settings.get("SITREP_KAFKA_DEAD_LETTER_TOPIC").asString());
        assertThat(events.get("spec").get("partitions").asString()).isEqualTo(settings.get("SITREP_KAFKA_PARTITIONS").asString());
        assertThat(events.get("spec").get("config").get("retention.ms").asString()).as("kept forever").isEqualTo("-1");
        // As incident-query creates it (ConsumerConfig.deadLetterTopic).
        assertThat(deadLetters.get("spec").get("partitions").asInt()).isEqualTo(1);
        for (JsonNode topic : List.of(events, deadLetters)) {
            assertThat(topic.get("metadata").get("labels").get("strimzi.io/cluster").asString()).isEqualTo(cluster);
            assertThat(topic.get("spec").get("replicas").asString()).isEqualTo(replicas);
            assertThat(topic.get("spec").get("config").get("min.insync.replicas").asString()).isEqualTo(inSync);
        }
    }

    @Test
    void kubernetesPostgresIsAPrimaryWithSynchronousStandbysThatTheServicesFollow() throws IOException {
        List<JsonNode> documents = DeploymentFiles.kubernetesDocuments();
        JsonNode cluster = one(documents, "Cluster");
        String name = cluster.get("metadata").get("name").asString();
        JsonNode spec = cluster.get("spec");
        // Commits wait for any one of two standbys, so losing one standby does not stop writes.
        assertThat(spec.get("instances").asInt()).isEqualTo(3);
        JsonNode synchronous = spec.get("postgresql").get("synchronous");
        assertThat(synchronous.get("method").asString()).isEqualTo("any");
        assertThat(synchronous.get("number").asInt()).isEqualTo(1);

        JsonNode database = one(documents, "Database").get("spec");
        assertThat(database.get("cluster").get("name").asString()).isEqualTo(name);
        List<String> databases = List.of(spec.get("bootstrap").get("initdb").get("database").asString(),
                database.get("name").asString());
        List<String> connectedTo = new ArrayList<>();
        for (JsonNode deployment : ofKind(documents, "Deployment")) {
            Map<String, JsonNode> environment = environment(container(deployment));
            String url = environment.get("SITREP_DB_URL").get("value").asString();
            String prefix = "jdbc:postgresql://" + name + "-rw:5432/";
            assertThat(url).as("the read-write Service, which follows the primary").startsWith(prefix);
            connectedTo.add(url.substring(prefix.length()));
            for (String variable : List.of("SITREP_DB_USER", "SITREP_DB_PASSWORD")) {
                assertThat(environment.get(variable).get("valueFrom").get("secretKeyRef").get("name").asString())
                        .as("the Secret CloudNativePG generates for the owner").isEqualTo(name + "-app");
            }
        }
        assertThat(connectedTo).containsExactlyInAnyOrderElementsOf(databases);
        assertThat(database.get("owner").asString()).isEqualTo(spec.get("bootstrap").get("initdb").get("owner").asString());
    }

    @Test
    void theImageStartsTheServicesWithTheMemorySettingsOfTheLocalRun() throws IOException {
        String entrypoint = Files.readAllLines(ROOT.resolve("deploy/docker/Dockerfile")).stream()
                .filter(line -> line.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(ServiceProcess.JVM_OPTIONS);
        command.addAll(List.of("-jar", "/app/service.jar"));
        assertThat(YAMLMapper.builder().build().readValue(entrypoint.substring("ENTRYPOINT ".length()), String[].class))
                .containsExactlyElementsOf(command);
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.get("spec").get("template").get("spec").get("containers").get(0);
    }

    /** A container's own env entries by name. */
    private static Map<String, JsonNode> environment(JsonNode container) {
        Map<String, JsonNode> environment = new HashMap<>();
        container.get("env").forEach(variable -> environment.put(variable.get("name").asString(), variable));
        return environment;
    }
}
