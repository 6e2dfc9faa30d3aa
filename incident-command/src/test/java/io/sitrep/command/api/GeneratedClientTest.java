package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client generator makes of the write API's document: openapi-generator (its command line,
 * put in target/tools by the build) generates a Java client from the document the running service
 * serves, the client is compiled, and a program written against it drives one incident through its
 * whole life.
 */
class GeneratedClientTest extends ApiTestSupport {

    private static final Path GENERATOR = Path.of(System.getProperty("openapi-generator.jar",
            "target/tools/openapi-generator-cli.jar"));

    @Test
    void aJavaClientGeneratedFromTheDocumentDrivesAnIncidentFromOpenToPostmortem(@TempDir Path work) throws Exception {
        Path document = work.resolve("write-api.json");
        Files.writeString(document, expect(api.as(null).get("/v3/api-docs"), 200).body());
        Path client = work.resolve("client");
        generate(document, client);
        Path driver = client.resolve("src/main/java/io/sitrep/client/driver/DriveOneIncident.java");
        Files.createDirectories(driver.getParent());
        try (InputStream source = getClass().getResourceAsStream("/generated-client/DriveOneIncident.java")) {
            Files.copy(source, driver);
        }
        Path classes = compile(client.resolve("src/main/java"), work.resolve("classes"));

        List<String> answers;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            @SuppressWarnings("unchecked")
            BiFunction<String, String, List<String>> drive = (BiFunction<String, String, List<String>>)
                    loader.loadClass("io.sitrep.client.driver.DriveOneIncident").getConstructor().newInstance();
            answers = drive.apply("http://127.0.0.1:" + port, KEY);
        }

        assertThat(answers).hasSize(8);
        assertThat(answers.get(0)).startsWith("page generated-client-");
        String incidentId = answers.get(2).split(" ")[1];
        assertThat(answers.subList(1, 8)).containsExactly(
                "component chat",
                "opened " + incidentId + " at version 1",
                "updated to version 2",
                "monitoring at version 3",
                "resolved at version 4",
                "postmortem at version 5",
                "monitoring again refused with 409 application/problem+json");
        assertThat(sequenceNumbers(incidentId)).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    private static void generate(Path document, Path output) throws IOException, InterruptedException {
        Path log = output.resolveSibling("openapi-generator.log");
        Process generator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", GENERATOR.toAbsolutePath().toString(), "generate", "--input-spec", document.toString(),
                "--generator-name", "java", "--library", "native", "--output", output.toString(),
                "--additional-properties", "useJakartaEe=true,openApiNullable=false,annotationLibrary=none,"
                        + "invokerPackage=io.sitrep.client,apiPackage=io.sitrep.client.api,"
                        + "modelPackage=io.sitrep.client.model,hideGenerationTimestamp=true")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(generator.waitFor(2, TimeUnit.MINUTES)).as("openapi-generator finished").isTrue();
        assertThat(generator.exitValue()).as(Files.readString(log)).isZero();
    }

    /** Compiles the sources against this test's class path; fails with javac's messages. */
    private static Path compile(Path sources, Path classes) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, arguments.toArray(String[]::new));
        assertThat(status).as(messages.toString(StandardCharsets.UTF_8)).isZero();
        return classes;
    }
}
