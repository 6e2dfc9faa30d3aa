package io.sitrep.bench;

import io.sitrep.local.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link Bench}, as ./bench.sh writes it.
 *
 * @param saturation how long the write saturation phase measures (after its warm-up)
 * @param out        where results.json, table.md and latency-throughput.svg go
 * @param stored     how many events of history are stored before anything is measured (0: none)
 * @param baseline   the results.json of a run on an empty store, to compare with; null for none
 * @param rebuild    how many events of history the rebuild phase writes onto the topic (0: no such phase)
 */
record BenchOptions(Checkout checkout, boolean quick, Duration saturation, Path out, long stored, Path baseline,
                    long rebuild) {

    static final String USAGE = "usage: ./bench.sh [--quick] [--duration=<seconds>] [--out=<dir>]"
            + " [--stored=<events> [--baseline=<results.json>]] [--rebuild=<events>]";

    /** @throws IllegalArgumentException naming what is wrong */
    static BenchOptions parse(String... args) {
        List<String> own = new ArrayList<>();
        Checkout checkout = Checkout.parse(args, own::add);
        boolean quick = false;
        Integer seconds = null;
        Path out = null;
        long stored = 0;
        Path baseline = null;
        Long rebuild = null;
        for (String arg : own) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--duration=")) {
                seconds = seconds(arg.substring("--duration=".length()));
            } else if (arg.startsWith("--out=") && arg.length() > "--out=".length()) {
                out = Path.of(arg.substring("--out=".length())).toAbsolutePath().normalize();
            } else if (arg.startsWith("--stored=")) {
                stored = events("--stored", arg.substring("--stored=".length()));
            } else if (arg.startsWith("--rebuild=")) {
                rebuild = events("--rebuild", arg.substring("--rebuild=".length()));
            } else if (arg.startsWith("--baseline=") && arg.length() > "--baseline=".length()) {
                baseline = Path.of(arg.substring("--baseline=".length())).toAbsolutePath().normalize();
            } else {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        if (baseline != null && stored == 0) {
            throw new IllegalArgumentException("--baseline compares a run with --stored=<events> with one without");
        }
        Path emptyStoreOut = checkout.stateDirectory().resolve("bench");
        if (stored > 0 && baseline == null && Files.isRegularFile(emptyStoreOut.resolve("results.json"))) {
            baseline = emptyStoreOut.resolve("results.json");
        }
        if (out == null) {
            out = stored > 0 ? checkout.stateDirectory().resolve("bench-stored") : emptyStoreOut;
        }
        Duration saturation = Duration.ofSeconds(seconds != null ? seconds : quick ? 8 : 30);
        return new BenchOptions(checkout, quick, saturation, out, stored, baseline,
                rebuild != null ? rebuild : quick ? 100_000 : 1_000_000);
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

    private static long events(String option, String value) {
        try {
            long events = Long.parseLong(value.replace("_", ""));
            if (events >= 0) {
                return events;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a whole number of events, not: " + value);
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
