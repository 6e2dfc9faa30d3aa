package io.sitrep.bench;

import io.sitrep.local.LocalPorts;
import io.sitrep.local.LocalSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The launcher behind ./bench.sh: starts the whole system as ./run.sh does, but on ports and data
 * of its own, measures the machine's ceilings, loads the system over HTTP from this process, stops
 * it, and prints one table (also written as Markdown, JSON and an SVG chart).
 */
public final class Bench {

    /** Ports of its own, so that a benchmark can run beside ./run.sh; the same variables override them. */
    static final LocalPorts PORTS = new LocalPorts(25432, 19092, 18080, 18081);
    static final int CONNECTIONS = 32;
    private static final List<Integer> STEP_PERCENTS = List.of(25, 50, 75, 90);
    private static final int IDLE_LAG_PROBES = 40;
    private static final Duration IDLE_LAG_GAP = Duration.ofMillis(100);
    private static final Duration LOADED_LAG_GAP = Duration.ofMillis(200);
    private static final Consumer<Response> IGNORE = response -> { };
    // How many of the incidents written last must show on the read side for it to count as caught up.
    private static final Duration CAUGHT_UP_TIMEOUT = Duration.ofMinutes(5);

    private final BenchOptions options;
    private final LocalSystem system;

    private Bench(BenchOptions options, LocalSystem system) {
        this.options = options;
        this.system = system;
    }

    public static void main(String[] args) {
        BenchOptions options;
        LocalPorts ports;
        Map<String, Double> emptyStore;
        try {
            options = BenchOptions.parse(args);
            ports = PORTS.overriddenBy(System.getenv());
            emptyStore = emptyStoreFigures(options.baseline());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalSystem system = new LocalSystem(options.checkout(), options.dataDirectory(), ports, false, System.getenv());
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "sitrep-stop"));
        MachineInfo machine = MachineInfo.collect(options.checkout().root());
        Results results;
        try {
            results = new Bench(options, system).run();
        } catch (RuntimeException e) {
            if (!system.isStopping()) {
                System.err.println("[bench] Failed: " + LocalSystem.reasons(e));
                System.exit(1); // the shutdown hook stops whatever did start
            }
            return;
        }
        say("Phase 10: stopping");
        system.close();
        report(options, machine, results, emptyStore);
    }

    private Results run() {
        say("Phase 1: starting the system (data in " + options.dataDirectory() + ", wiped first)");
        system.start(true);
        URI command = system.command().baseUrl();
        URI query = system.query().baseUrl();

        say("Phase 2: ceilings of this machine");
        double jdbc = JdbcCeiling.appendsPerSecond(system.postgres().jdbcUrl(system.command().database()),
                system.postgres().username(), system.postgres().password(), CONNECTIONS, options.ceiling());
        // Warmed up as the writes are: a ceiling is the best the stack can do, not its first seconds.
        Load.Result liveness = Load.run("ceiling: static liveness", query, CONNECTIONS,
                Pacing.closedLoop(options.warmUp(), options.ceiling()), () -> Request.get("/actuator/health/liveness"), IGNORE);
        KafkaCeiling.Result kafka = KafkaCeiling.run(system.kafkaBootstrapServers(), options.ceiling());

        say("Phase 3: seeding " + Seed.PAGES + " pages, " + Seed.PAGES * Seed.COMPONENTS_PER_PAGE + " components, "
                + Seed.INCIDENTS + " incidents");
        Seed.Seeded seeded = Seed.run(command, CONNECTIONS);
        CatchUp.Result history = null;
        if (options.stored() > 0) {
            say(String.format("Phase 3a: storing %,d events of history first: incidents opened, updated %d times and"
                    + " resolved, written with incident-query stopped, then applied by it", options.stored(), History.UPDATES));
            History past = new History(seeded.pages());
            history = CatchUp.run("history", system, past, past, options.stored(), CONNECTIONS);
            say("Vacuuming and checkpointing both databases, as autovacuum would have done over that history");
            History.settle(system);
        }
        WriteMix writes = new WriteMix(seeded.pages(), seeded.incidents());
        LagProbes lagProbes = new LagProbes(command, query, writes);
        Map<String, String> readPaths = new LinkedHashMap<>();
        readPaths.put("summary", "/api/v1/pages/" + Seed.QUIET_PAGE + "/summary");
        readPaths.put("summary.json", "/pages/" + Seed.QUIET_PAGE + "/api/v2/summary.json");
        readPaths.put("HTML page", "/pages/" + Seed.QUIET_PAGE);

        say("Phase 3b: warm-up, not measured: the write mix at saturation for " + options.warmUpPhase().toSeconds()
                + " s, with each read behind it");
        // Two connections read each address in turn meanwhile, so that their paths are compiled too.
        Duration eachRead = options.warmUpPhase().dividedBy(readPaths.size());
        CompletableFuture<Void> warmUpReads = inBackground(() -> {
            readPaths.values().forEach(path -> Load.run("warm-up: reads", query, 2,
                    Pacing.closedLoop(Duration.ZERO, eachRead), () -> Request.get(path), IGNORE));
            return null;
        });
        Load.run("warm-up: writes", command, CONNECTIONS, Pacing.closedLoop(Duration.ZERO, options.warmUpPhase()),
                writes, IGNORE);
        warmUpReads.join();

        say("Phase 4: lag from write to read, idle");
        awaitReadSideCaughtUp();
        LagProbes.Result idleLag = lagProbes.run("idle lag", IDLE_LAG_PROBES, IDLE_LAG_GAP, Duration.ofMinutes(10));

        try (RssSampler rss = RssSampler.start(system::processes)) {
            say("Phase 5: write saturation, " + CONNECTIONS + " connections, closed loop, after a "
                    + options.warmUp().toSeconds() + " s warm-up");
            Load.Result saturation = Load.run("saturation", command, CONNECTIONS,
                    Pacing.closedLoop(options.warmUp(), options.saturation()), writes, IGNORE);
            double saturationRate = Math.max(1, saturation.okPerSecond());

            say("Phase 6: latency against throughput, open loop at shares of " + Math.round(saturationRate) + " writes/s");
            List<Results.Step> steps = new ArrayList<>();
            LagProbes.Result halfLoadLag = null;
            for (int percent : STEP_PERCENTS) {
                String share = percent + " %";
                double rate = saturationRate * percent / 100;
                CompletableFuture<LagProbes.Result> probes = null;
                if (share.equals(Results.HALF_LOAD)) {
                    // The lag of half load itself, not of a backlog the steps before left.
                    awaitReadSideCaughtUp();
                    probes = inBackground(() -> lagProbes.run("lag at half load", Integer.MAX_VALUE, LOADED_LAG_GAP, options.step()));
                }
                Load.Result step = Load.run("writes at " + share, command, CONNECTIONS,
                        Pacing.openLoop(rate, options.step()), writes, IGNORE);
                steps.add(new Results.Step(share, rate, step));
                if (probes != null) {
                    halfLoadLag = probes.join();
                }
            }

            say("Phase 7: reads, with writes at half load (" + Math.round(saturationRate / 2) + "/s) behind");
            // Until the last read phase is over, however long its slowest answers make it.
            AtomicBoolean readsOver = new AtomicBoolean();
            CompletableFuture<Load.Result> background = inBackground(() -> Load.run("writes behind reads", command,
                    CONNECTIONS, Pacing.openLoop(saturationRate / 2, Duration.ofHours(1)).until(readsOver::get), writes, IGNORE));
            List<Results.Read> reads = new ArrayList<>();
            readPaths.forEach((name, path) -> reads.add(new Results.Read(name, path, Load.run("reads: " + name, query,
                    CONNECTIONS, Pacing.closedLoop(Duration.ZERO, options.step()), () -> Request.get(path), IGNORE))));
            readsOver.set(true);
            Load.Result readsBackgroundWrites = background.join();

            say("Phase 8: catch-up of incident-query after a burst of " + options.catchUpWrites() + " writes");
            awaitReadSideCaughtUp(); // so that the burst is all it has to catch up with
            CatchUp.Result catchUp = CatchUp.run(system, writes, options.catchUpWrites(), CONNECTIONS);

            RebuildPhase.Result rebuild = null;
            if (options.rebuild() > 0) {
                say(String.format("Phase 9: a history of %,d events on the topic: applied, looked back into, and every"
                        + " read model rebuilt from it", options.rebuild()));
                awaitReadSideCaughtUp();
                rebuild = RebuildPhase.run(system, options.rebuild(), options.step());
            }

            return new Results(new Results.Ceilings(jdbc, liveness, kafka), seeded.counts(), history, idleLag, saturation,
                    steps, halfLoadLag, readsBackgroundWrites, reads, catchUp, rebuild, rss.maxMegabytes());
        }
    }

    /** Waits until everything written so far is in the read models. */
    private void awaitReadSideCaughtUp() {
        long start = System.nanoTime();
        boolean caughtUp;
        try (Backlog backlog = new Backlog(system.command().baseUrl(), system.kafkaBootstrapServers())) {
            caughtUp = backlog.awaitEmpty("read side catching up", CAUGHT_UP_TIMEOUT);
        }
        say(caughtUp ? String.format("incident-query caught up in %.1f s", (System.nanoTime() - start) / 1e9)
                : "incident-query had not caught up within " + CAUGHT_UP_TIMEOUT.toMinutes() + " minutes; going on");
    }

    private static void report(BenchOptions options, MachineInfo machine, Results results,
                               Map<String, Double> emptyStore) {
        List<Row> rows = results.rows();
        List<SvgChart.Point> points = new ArrayList<>();
        results.steps().forEach(step -> points.add(new SvgChart.Point(step.share(), step.load().okPerSecond(), step.load().latency())));
        points.add(new SvgChart.Point("saturation", results.saturation().okPerSecond(), results.saturation().latency()));
        String stored = options.stored() > 0 ? String.format(", %,d events stored first", options.stored()) : "";
        String title = "Sitrep writes: latency against throughput" + stored + (options.quick() ? " (--quick)" : "");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("quick", options.quick());
        json.put("saturationSeconds", options.saturation().toSeconds());
        json.put("storedEvents", options.stored());
        json.put("baseline", options.baseline() == null ? null : options.baseline().toString());
        json.put("figures", rows);
        json.put("results", results);
        try {
            Files.createDirectories(options.out());
            Files.writeString(options.out().resolve("table.md"), Table.markdown(rows, emptyStore));
            Files.writeString(options.out().resolve("latency-throughput.svg"), SvgChart.latencyThroughput(title, points));
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValue(options.out().resolve("results.json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to " + options.out(), e);
        }
        System.out.println();
        System.out.println("Sitrep benchmark" + (options.quick() ? " (--quick: short phases, figures are indicative)" : "")
                + stored + ", " + machine.date() + ", " + machine.cores() + " cores, commit " + machine.gitCommit());
        if (!emptyStore.isEmpty()) {
            System.out.println("Compared with the empty store's run in " + options.baseline());
        }
        System.out.println();
        System.out.print(Table.text(rows, emptyStore));
        System.out.println();
        System.out.println("Written: " + options.out().resolve("results.json") + ", table.md, latency-throughput.svg");
    }

    /** Each figure's measured value in a results.json this benchmark wrote; empty without one. */
    private static Map<String, Double> emptyStoreFigures(Path baseline) {
        Map<String, Double> figures = new LinkedHashMap<>();
        if (baseline == null) {
            return figures;
        }
        try {
            JsonNode json = JsonMapper.builder().build().readTree(baseline.toFile());
            json.path("figures").forEach(row -> figures.put(row.path("figure").asString(),
                    row.path("measured").isNumber() ? row.path("measured").asDouble() : null));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Could not read the empty store's figures from " + baseline, e);
        }
        return figures;
    }

    private static <T> CompletableFuture<T> inBackground(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "bench-background");
        thread.start();
        return result;
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
