package io.sitrep.bench;

import io.sitrep.local.LocalSystem;
import io.sitrep.local.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
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
    // What the progress line shows, from incident-query's metrics: the lag, and how far it came down.
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong applied = new AtomicLong();

    private CatchUp(LocalSystem system) {
        this.system = system;
        this.query = system.query().baseUrl();
    }

    static Result run(LocalSystem system, WriteMix writes, RecentWrites recent, int count, int connections) {
        return new CatchUp(system).run(writes, recent, count, connections);
    }

    private Result run(WriteMix writes, RecentWrites recent, int count, int connections) {
        say("Stopping incident-query");
        system.process(system.query()).close();
        Load.Result burst = Load.run("catch-up: writes", system.command().baseUrl(), connections,
                Pacing.requests(count), writes, recent);
        long events = burst.counts().ok();
        List<Written> sample = recent.last(SAMPLE);

        long start = System.nanoTime();
        ServiceProcess restarted = system.startService(system.query());
        system.awaitHealthy();
        long healthy = System.nanoTime();
        double secondsToHealthy = (healthy - start) / 1e9;
        say(String.format("incident-query (pid %d) healthy after %.1f s", restarted.pid(), secondsToHealthy));

        AtomicInteger current = new AtomicInteger();
        boolean lagMetric = false;
        try (HttpConnection metrics = new HttpConnection(query);
             HttpConnection progressMetrics = new HttpConnection(query);
             Progress ignored = Progress.start("catch-up: applying", "records", applied::get, () -> {
                 OptionalDouble scraped = scrapeLag(progressMetrics);
                 return String.format("lag %s, %d/%d sampled incidents current",
                         scraped.isPresent() ? String.format("%,.0f", scraped.getAsDouble()) : "n/a", current.get(), sample.size());
             })) {
            long deadline = healthy + TIMEOUT.toNanos();
            if (ReadSide.awaitShown(query, sample, TIMEOUT, current)) {
                while (System.nanoTime() - deadline < 0) {
                    long now = System.nanoTime();
                    OptionalDouble scraped = scrapeLag(metrics);
                    lagMetric |= scraped.isPresent();
                    if (scraped.isEmpty() || scraped.getAsDouble() == 0) {
                        double secondsToApplied = (System.nanoTime() - healthy) / 1e9;
                        return new Result(events, burst.counts(), secondsToHealthy, secondsToApplied,
                                events / secondsToApplied, lagMetric);
                    }
                    Load.waitUntil(now + CONFIRM_NANOS);
                }
            }
        }
        say("incident-query had not applied the burst " + TIMEOUT.toMinutes() + " minutes after it was healthy");
        return new Result(events, burst.counts(), secondsToHealthy, null, null, lagMetric);
    }

    /** The consumer lag in incident-query's metrics, if they show it; keeps the progress figures. */
    private OptionalDouble scrapeLag(HttpConnection connection) {
        try {
            Response response = connection.send(Request.get("/actuator/prometheus"));
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

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
