package io.sitrep.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import io.sitrep.local.NodeTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker Compose itself reads compose.yaml: {@code docker-compose config} checks it against the Compose
 * file schema and renders it (anchors merged, variables substituted) without a Docker engine, and what
 * it renders is the production topology. Uses Debian's docker-compose (1.29), which {@code .ci/run}
 * installs; skipped where it is missing.
 */
class ComposeConfigTest {

    @Test
    void dockerComposeRendersTheProductionTopology(@TempDir Path directory) throws IOException, InterruptedException {
        assumeTrue(NodeTools.onPath("docker-compose"), "docker-compose is not installed");
        Path output = directory.resolve("config.yaml");
        Path errors = directory.resolve("errors.txt");
        ProcessBuilder config = new ProcessBuilder("docker-compose", "--file", DeploymentFiles.COMPOSE.toString(),
                "config").redirectOutput(output.toFile()).redirectError(errors.toFile());
        // compose.yaml refuses to start without keys; any will do to render it.
        config.environment().put("SITREP_API_KEYS", "rendering-key=admin");
        Process process = config.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("docker-compose config finished").isTrue();

        assertThat(process.exitValue()).as("docker-compose config: %s", Files.readString(errors)).isZero();
        DeploymentFiles.assertComposeTopology(DeploymentFiles.composeServices(Files.readString(output)));
    }
}
