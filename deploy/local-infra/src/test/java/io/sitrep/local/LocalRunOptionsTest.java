package io.sitrep.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunOptionsTest {

    @TempDir
    Path root;

    @Test
    void aClusterKeepsItsDataApartFromTheSingleRuns() throws IOException {
        String[] checkout = {"--repo-root=" + root, "--command-jar=" + Files.createFile(root.resolve("command.jar")),
                "--query-jar=" + Files.createFile(root.resolve("query.jar"))};

        LocalRunOptions single = LocalRunOptions.parse(checkout);
        LocalRunOptions cluster = LocalRunOptions.parse(append(checkout, "--cluster"));
        LocalRunOptions fresh = LocalRunOptions.parse(append(checkout, "--fresh"));

        assertThat(single.cluster()).isFalse();
        assertThat(single.dataDirectory()).isEqualTo(root.resolve(".sitrep/data"));
        assertThat(cluster.cluster()).isTrue();
        assertThat(cluster.dataDirectory()).isEqualTo(root.resolve(".sitrep/cluster"));
        assertThat(fresh.fresh()).isTrue();
        assertThat(fresh.cluster()).isFalse();
        assertThatThrownBy(() -> LocalRunOptions.parse(append(checkout, "--clustered")))
                .hasMessage("Unknown argument: --clustered");
    }

    private static String[] append(String[] args, String arg) {
        String[] more = java.util.Arrays.copyOf(args, args.length + 1);
        more[args.length] = arg;
        return more;
    }
}
