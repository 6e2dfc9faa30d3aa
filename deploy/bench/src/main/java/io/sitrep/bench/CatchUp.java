package io.sitrep.bench;

import io.sitrep.local.LocalSystem;
import io.sitrep.local.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast incident-query catches up after a burst it missed: it is stopped, the write API takes a
 * burst, it is started again (same jar, same environment), and the clock runs until it has
 * applied everything: the incidents written last show their final versions, and its consumer lag,
 * when its metrics show one, is 0.
 */
final class CatchUp {

    private static final int SAMPLE = 20;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final long CHECK_NANOS = Duration.ofMillis(20).toNanos();
    private static final long SCRAPE_NANOS = Duration.ofSeconds(1).toNanos();
    // Once the sample is current, how often the lag is read until it is 0.
    private static final long CONFIRM_NANOS = Duration.ofMillis(100).toNanos();

    /**
     * @param events            writes answered with a 2xx, each one event
     * @param secondsToHealthy  from starting incident-query to its health answering 200
     * @param secondsToApplied  from that answer to everything applied; null if not within 5 minutes
     * @param eventsPerSecond   events / secondsToApplied
     * @param lagMetric         whether incident-query showed a consumer lag metric
     */
    record Result(long events, Counts writes, double secondsToHealthy, Double secondsToApplied,
                  Double eventsPerSecond, boolean lagMetric) {
    }

    private final LocalSystem system;
    private final URI query;
    // The highest version written per incident, the most recently written last.
    private final Map<String, Long> finalVersions = new LinkedHashMap<>();
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong applied = new AtomicLong();
    private volatile int current;

    private CatchUp(LocalSystem system) {
        this.system = system;
        this.query = system.query().baseUrl();
    }

    static Result run(LocalSystem system, WriteMix writes, int count, int connections) {
        return new CatchUp(system).run(writes, count, connections);
    }

    private Result run(WriteMix writes, int count, int connections) {
        say("Stopping incident-query");
        system.process(system.query()).close();
        Load.Result burst = Load.run("catch-up: writes", system.command().baseUrl(), connections,
                Pacing.requests(count), writes, response -> written(Written.of(response)));
        List<Written> sample = sample();

        long start = System.nanoTime();
        ServiceProcess restarted = system.startService(system.query());
        system.awaitHealthy();
        long healthy = System.nanoTime();
        say("incident-query (pid " + restarted.pid() + ") healthy after " + seconds(healthy - start) + " s");

        long events = burst.counts().ok();
        boolean lagMetric = false;
        try (HttpConnection reader = new HttpConnection(query);
             Progress ignored = Progress.start("catch-up: applying", "records", applied::get,
                     () -> String.format("lag %s, %d/%d sampled incidents current",
                             lag.get() < 0 ? "n/a" : String.format("%,d", lag.get()), current, sample.size()))) {
            long nextScrape = healthy;
            long deadline = healthy + TIMEOUT.toNanos();
            while (System.nanoTime() - deadline < 0) {
                if (current < sample.size() && isCurrent(reader, sample.get(current))) {
                    current++;
                    if (current == sample.size()) {
                        nextScrape = System.nanoTime(); // confirm with the lag at once
                    }
                    continue;
                }
                long now = System.nanoTime();
                if (now - nextScrape >= 0) {
                    OptionalDouble scraped = scrapeLag(reader);
                    lagMetric |= scraped.isPresent();
                    if (current == sample.size() && (scraped.isEmpty() || scraped.getAsDouble() == 0)) {
                        double applying = (System.nanoTime() - healthy) / 1e9;
                        return new Result(events, burst.counts(), seconds(healthy - start), applying,
                                events / applying, lagMetric);
                    }
                    nextScrape = now + (current == sample.size() ? CONFIRM_NANOS : SCRAPE_NANOS);
                }
                Load.waitUntil(now + CHECK_NANOS);
            }
        }
        say("incident-query had not applied the burst " + TIMEOUT.toMinutes() + " minutes after it was healthy");
        return new Result(events, burst.counts(), seconds(healthy - start), null, null, lagMetric);
    }

    private void written(Written written) {
        synchronized (finalVersions) {
            Long before = finalVersions.remove(written.incidentId());
            finalVersions.put(written.incidentId(), Math.max(written.version(), before == null ? 0 : before));
        }
    }

    /** The incidents written last, with their final versions. */
    private List<Written> sample() {
        synchronized (finalVersions) {
            List<Written> all = new ArrayList<>();
            finalVersions.forEach((incident, version) -> all.add(new Written(incident, version)));
            return List.copyOf(all.subList(Math.max(0, all.size() - SAMPLE), all.size()));
        }
    }

    private boolean isCurrent(HttpConnection reader, Written written) {
        try {
            Response response = reader.send(Request.get("/api/v1/incidents/" + written.incidentId()));
            return response.status() == 200 && Written.versionRead(response) >= written.version();
        } catch (IOException e) {
            return false;
        }
    }

    private OptionalDouble scrapeLag(HttpConnection reader) {
        try {
            Response response = reader.send(Request.get("/actuator/prometheus"));
            OptionalDouble scraped = response.ok() ? ConsumerLag.of(response.text()) : OptionalDouble.empty();
            scraped.ifPresent(records -> {
                long behind = (long) records;
                // Applied: how far the lag has come down from the most it was.
                long peak = Math.max(behind, lag.get() + applied.get());
                lag.set(behind);
                applied.set(peak - behind);
            });
            return scraped;
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
