package io.sitrep.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaMainTest {

    @Test
    void fromAClasspathTheMainClassIsRunDirectly() {
        List<String> command = JavaMain.command(KafkaNode.class, List.of("-Xmx64m"), List.of("a", "b"));

        assertThat(command.get(0)).endsWith("/bin/java");
        assertThat(command).containsSubsequence("-Xmx64m", "-cp", System.getProperty("java.class.path"),
                KafkaNode.class.getName(), "a", "b");
    }

    @Test
    void fromASpringBootJarItIsRunThroughItsPropertiesLauncher(@TempDir Path directory) throws Exception {
        Path jar = directory.resolve("launcher-exec.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream contents = new JarOutputStream(file)) {
            contents.putNextEntry(new JarEntry("BOOT-INF/"));
            contents.closeEntry();
        }
        String classpath = System.getProperty("java.class.path");
        System.setProperty("java.class.path", jar.toString());
        try {
            assertThat(JavaMain.command(KafkaNode.class, List.of(), List.of("a")))
                    .containsSubsequence("-cp", jar.toString(), "-Dloader.main=" + KafkaNode.class.getName(),
                            "org.springframework.boot.loader.launch.PropertiesLauncher", "a");
        } finally {
            System.setProperty("java.class.path", classpath);
        }
    }
}
