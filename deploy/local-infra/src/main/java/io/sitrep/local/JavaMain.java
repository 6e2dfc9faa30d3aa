package io.sitrep.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command that runs a main class of this JVM's own classpath in a new JVM: with {@code -cp}
 * from the tests and the IDE; through Spring Boot's {@code PropertiesLauncher} from the launchers'
 * executable jars, whose classes are nested inside them.
 */
final class JavaMain {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private JavaMain() {
    }

    static List<String> command(Class<?> main, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String classpath = System.getProperty("java.class.path");
        command.add("-cp");
        command.add(classpath);
        if (isBootJar(classpath)) {
            command.add("-Dloader.main=" + main.getName());
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(main.getName());
        }
        command.addAll(arguments);
        return command;
    }

    private static boolean isBootJar(String classpath) {
        Path jar = Path.of(classpath);
        if (classpath.contains(System.getProperty("path.separator")) || !Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("BOOT-INF/") != null || file.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
