package io.sitrep.bench;

import io.sitrep.local.Checkout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link Bench}, as ./bench.sh writes it.
 *
 * @param saturation how long the write saturation phase measures (after its warm-up)
 * @param out        where results.json, table.md and latency-throughput.svg go
 */
record BenchOptions(Checkout checkout, boolean quick, Duration saturation, Path out) {

    static final String USAGE = "usage: ./bench.sh [--quick] [--duration=<seconds>] [--out=<dir>]";

    /** @throws IllegalArgumentException naming what is wrong */
    static BenchOptions parse(String... args) {
        List<String> own = new ArrayList<>();
        Checkout checkout = Checkout.parse(args, own::add);
        boolean quick = false;
        Integer seconds = null;
        Path out = checkout.stateDirectory().resolve("bench");
        for (String arg : own) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--duration=")) {
                seconds = seconds(arg.substring("--duration=".length()));
            } else if (arg.startsWith("--out=") && arg.length() > "--out=".length()) {
                out = Path.of(arg.substring("--out=".length())).toAbsolutePath().normalize();
            } else {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        Duration saturation = Duration.ofSeconds(seconds != null ? seconds : quick ? 8 : 30);
        return new BenchOptions(checkout, quick, saturation, out);
    }

    /** Each ceiling's run. */
    Duration ceiling() {
        return Duration.ofSeconds(quick ? 3 : 10);
    }

    /**
     * The unmeasured load after seeding: long enough for the JIT compilers to finish with the write
     * and read paths (C2 alone spends over a minute of CPU on them), so that the phases measure the
     * services as they run for days, not as they start. Start-up shows in the catch-up phase.
     */
    Duration warmUpPhase() {
        return Duration.ofSeconds(quick ? 10 : 60);
    }

    /** Not measured at the start of the saturation phase: the connection pools settle. */
    Duration warmUp() {
        return Duration.ofSeconds(3);
    }

    /** Each step of latency against throughput, and each read phase. */
    Duration step() {
        return Duration.ofSeconds(quick ? 4 : 10);
    }

    /** The burst incident-query has to catch up with. */
    int catchUpWrites() {
        return quick ? 3_000 : 30_000;
    }

    /** The benchmark's own PostgreSQL and Kafka data, wiped at every start; never ./run.sh's. */
    Path dataDirectory() {
        return checkout.stateDirectory().resolve("bench-data");
    }

    private static int seconds(String value) {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--duration takes a whole number of seconds, not: " + value);
    }
}
