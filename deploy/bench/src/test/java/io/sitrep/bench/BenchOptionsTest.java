package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOptionsTest {

    @TempDir
    Path root;
    private String[] checkout;

    @BeforeEach
    void jars() throws IOException {
        checkout = new String[] {"--repo-root=" + root,
                "--command-jar=" + Files.createFile(root.resolve("command.jar")),
                "--query-jar=" + Files.createFile(root.resolve("query.jar"))};
    }

    @Test
    void aFullRunWritesUnderSitrepBench() {
        BenchOptions options = BenchOptions.parse(checkout);

        assertThat(options.quick()).isFalse();
        assertThat(options.saturation()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.catchUpWrites()).isEqualTo(30_000);
        assertThat(options.rebuild()).isEqualTo(1_000_000);
        assertThat(options.out()).isEqualTo(root.resolve(".sitrep/bench"));
        assertThat(options.dataDirectory()).isEqualTo(root.resolve(".sitrep/bench-data"));
    }

    @Test
    void quickShortensEveryPhaseAndDurationSetsTheSaturationPhase() {
        BenchOptions quick = BenchOptions.parse(with("--quick"));
        BenchOptions longer = BenchOptions.parse(with("--quick", "--duration=60", "--out=" + root.resolve("out")));

        assertThat(quick.saturation()).isEqualTo(Duration.ofSeconds(8));
        assertThat(quick.ceiling()).isEqualTo(Duration.ofSeconds(3));
        assertThat(quick.catchUpWrites()).isEqualTo(3_000);
        assertThat(quick.rebuild()).isEqualTo(100_000);
        assertThat(BenchOptions.parse(with("--quick", "--rebuild=0")).rebuild()).isZero();
        assertThat(longer.saturation()).isEqualTo(Duration.ofSeconds(60));
        assertThat(longer.out()).isEqualTo(root.resolve("out"));
    }

    @Test
    void aRunOnAStoredHistoryComparesWithTheLastEmptyStoreRun() throws IOException {
        assertThat(BenchOptions.parse(checkout).stored()).isZero();
        BenchOptions withoutBaseline = BenchOptions.parse(with("--stored=1_000_000"));
        Path emptyStoreRun = Files.createDirectories(root.resolve(".sitrep/bench")).resolve("results.json");
        Files.writeString(emptyStoreRun, "{}");
        BenchOptions stored = BenchOptions.parse(with("--stored=1000000"));
        BenchOptions otherBaseline = BenchOptions.parse(with("--stored=5", "--baseline=" + root.resolve("old.json")));

        assertThat(withoutBaseline.stored()).isEqualTo(1_000_000);
        assertThat(withoutBaseline.baseline()).isNull();
        assertThat(stored.baseline()).isEqualTo(emptyStoreRun);
        assertThat(stored.out()).isEqualTo(root.resolve(".sitrep/bench-stored"));
        assertThat(otherBaseline.baseline()).isEqualTo(root.resolve("old.json"));
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> BenchOptions.parse(with("--duration=0")))
                .hasMessage("--duration takes a whole number of seconds, not: 0");
        assertThatThrownBy(() -> BenchOptions.parse(with("--fresh"))).hasMessage("Unknown argument: --fresh");
        assertThatThrownBy(() -> BenchOptions.parse(with("--stored=many")))
                .hasMessage("--stored takes a whole number of events, not: many");
        assertThatThrownBy(() -> BenchOptions.parse(with("--rebuild=-1")))
                .hasMessage("--rebuild takes a whole number of events, not: -1");
        assertThatThrownBy(() -> BenchOptions.parse(with("--baseline=" + root.resolve("old.json"))))
                .hasMessage("--baseline compares a run with --stored=<events> with one without");
    }

    private String[] with(String... more) {
        String[] args = new String[checkout.length + more.length];
        System.arraycopy(checkout, 0, args, 0, checkout.length);
        System.arraycopy(more, 0, args, checkout.length, more.length);
        return args;
    }
}
