package io.sitrep.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.sitrep.local.ServiceProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Docker Compose and Kubernetes files configure the services only with variables the services
 * read, and give each what it cannot start without. (No Docker here to run them; this keeps their
 * configuration from drifting away from the code.)
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("../..");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final List<String> REQUIRED = List.of("SITREP_DB_URL", "SITREP_DB_USER", "SITREP_DB_PASSWORD",
            "SITREP_KAFKA_BOOTSTRAP", "SITREP_API_KEYS");
    private static final Map<String, Integer> PORTS = Map.of("incident-command", 8080, "incident-query", 8081);

    @Test
    void composeSetsWhatEachServiceReads() throws IOException {
        JsonNode services = YAML.readTree(ROOT.resolve("deploy/docker/compose.yaml").toFile()).get("services");
        for (String service : PORTS.keySet()) {
            Set<String> environment = new HashSet<>(services.get(service).get("environment").propertyNames());
            assertThat(environment).as("%s in compose.yaml", service).containsAll(REQUIRED)
                    .isSubsetOf(variablesReadBy(service));
            assertThat(services.get(service).get("ports").get(0).asString()).endsWith(":" + PORTS.get(service));
        }
    }

    @Test
    void kubernetesSetsWhatEachServiceReads() throws IOException {
        List<JsonNode> documents = YAML.readValues(YAML.createParser(ROOT.resolve("deploy/kubernetes/sitrep.yaml")
                .toFile()), JsonNode.class).readAll();
        Set<String> shared = new HashSet<>();
        documents.stream().filter(document -> Set.of("ConfigMap", "Secret").contains(document.get("kind").asString()))
                .forEach(document -> shared.addAll((document.has("data") ? document.get("data")
                        : document.get("stringData")).propertyNames()));
        Set<String> readByAny = new HashSet<>(variablesReadBy("incident-command"));
        readByAny.addAll(variablesReadBy("incident-query"));
        assertThat(shared).as("ConfigMap and Secret").isSubsetOf(readByAny);

        for (JsonNode deployment : documents.stream()
                .filter(document -> document.get("kind").asString().equals("Deployment")).toList()) {
            String service = deployment.get("metadata").get("name").asString();
            JsonNode container = deployment.get("spec").get("template").get("spec").get("containers").get(0);
            Set<String> own = new HashSet<>();
            container.get("env").forEach(variable -> own.add(variable.get("name").asString()));
            assertThat(own).as("%s's own env", service).isSubsetOf(variablesReadBy(service));
            Set<String> all = new HashSet<>(own);
            all.addAll(shared);
            assertThat(all).as("%s's whole env", service).containsAll(REQUIRED);
            assertThat(container.get("ports").get(0).get("containerPort").asInt()).isEqualTo(PORTS.get(service));
            assertThat(container.get("readinessProbe").get("httpGet").get("port").asInt()).isEqualTo(PORTS.get(service));
        }
    }

    @Test
    void theImageStartsTheServicesWithTheMemorySettingsOfTheLocalRun() throws IOException {
        String entrypoint = Files.readAllLines(ROOT.resolve("deploy/docker/Dockerfile")).stream()
                .filter(line -> line.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(ServiceProcess.JVM_OPTIONS);
        command.addAll(List.of("-jar", "/app/service.jar"));
        assertThat(YAML.readValue(entrypoint.substring("ENTRYPOINT ".length()), String[].class))
                .containsExactlyElementsOf(command);
    }

    /** The SITREP_* variables a service's application.properties reads. */
    private static Set<String> variablesReadBy(String service) throws IOException {
        String properties = Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
        Set<String> variables = new HashSet<>();
        Matcher matcher = Pattern.compile("\\$\\{(SITREP_[A-Z_]+)").matcher(properties);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        assertThat(variables).as("variables of %s", service).isNotEmpty();
        return variables;
    }
}
