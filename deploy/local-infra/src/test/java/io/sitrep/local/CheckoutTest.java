package io.sitrep.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckoutTest {

    @TempDir
    Path root;

    @Test
    void readsItsOptionsAndHandsTheOthersToTheLauncher() throws IOException {
        Path commandJar = Files.createFile(root.resolve("command.jar"));
        Path queryJar = Files.createFile(root.resolve("query.jar"));
        List<String> others = new ArrayList<>();

        Checkout checkout = Checkout.parse(new String[] {"--quick", "--repo-root=" + root,
                "--command-jar=" + commandJar, "--query-jar=" + queryJar, "--out=x"}, others::add);

        assertThat(checkout).isEqualTo(new Checkout(root, commandJar, queryJar));
        assertThat(others).containsExactly("--quick", "--out=x");
        assertThat(checkout.binariesDirectory()).isEqualTo(root.resolve(".sitrep/binaries"));
    }

    @Test
    void namesWhatIsMissing() throws IOException {
        Path commandJar = Files.createFile(root.resolve("command.jar"));

        assertThatThrownBy(() -> Checkout.parse(new String[] {"--repo-root=" + root}, arg -> { }))
                .hasMessage("--repo-root, --command-jar and --query-jar are required");
        assertThatThrownBy(() -> Checkout.parse(new String[] {"--repo-root=" + root,
                "--command-jar=" + commandJar, "--query-jar=" + root.resolve("absent.jar")}, arg -> { }))
                .hasMessageStartingWith("No such jar: " + root.resolve("absent.jar"));
    }
}
