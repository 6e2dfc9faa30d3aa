package io.sitrep.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * How long a write takes to show on the read side: one write at a time (alternately a new incident
 * and an update to a seeded one), then reads of the incident from incident-query every millisecond,
 * without minVersion, until one shows the version the write answered. The lag runs from the
 * write's answer to the first read that shows it.
 */
final class LagProbes {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();

    /**
     * @param lag      of the probes that saw their write
     * @param timeouts probes whose write did not show within 10 s
     * @param failed   probes whose write was not answered with a 2xx
     * @param writes   how the probes' writes were answered
     */
    record Result(Latency lag, long timeouts, long failed, Counts writes) {
    }

    private final URI command;
    private final URI query;
    private final WriteMix writes;

    LagProbes(URI command, URI query, WriteMix writes) {
        this.command = command;
        this.query = query;
        this.writes = writes;
    }

    /** Probes one after another, {@code gap} apart, until {@code probes} are done or {@code duration} is up. */
    Result run(String phase, int probes, Duration gap, Duration duration) {
        Histogram lagMicros = Latency.histogram();
        Tally writeTally = new Tally();
        LongAdder done = new LongAdder();
        long timeouts = 0;
        long failed = 0;
        long end = System.nanoTime() + duration.toNanos();
        try (HttpConnection writer = new HttpConnection(command);
             HttpConnection reader = new HttpConnection(query);
             Progress ignored = Progress.start(phase, "probes", done::sum)) {
            for (int i = 0; i < probes && System.nanoTime() - end < 0; i++) {
                Written written = write(writer, i % 2 == 0 ? writes.open() : writes.update(), writeTally);
                if (written == null) {
                    failed++;
                } else {
                    long answered = System.nanoTime();
                    long shown = awaitShown(reader, written, answered + TIMEOUT.toNanos());
                    if (shown < 0) {
                        timeouts++;
                    } else {
                        lagMicros.recordValue((shown - answered) / 1000);
                    }
                }
                done.increment();
                Load.waitUntil(System.nanoTime() + gap.toNanos());
            }
        }
        return new Result(Latency.of(lagMicros), timeouts, failed, writeTally.counts());
    }

    private static Written write(HttpConnection writer, Request request, Tally tally) {
        long sent = System.nanoTime();
        try {
            Response response = writer.send(request);
            tally.answered(response.status(), System.nanoTime() - sent);
            return response.ok() ? Written.of(response) : null;
        } catch (IOException e) {
            tally.ioError();
            return null;
        }
    }

    /** When the first read that showed the write was answered, or -1 if none did by the deadline. */
    private long awaitShown(HttpConnection reader, Written written, long deadline) {
        Request read = Request.get("/api/v1/incidents/" + written.incidentId());
        while (System.nanoTime() - deadline < 0) {
            long polled = System.nanoTime();
            try {
                Response response = reader.send(read);
                long now = System.nanoTime();
                if (written.isShownBy(response)) {
                    return now;
                }
            } catch (IOException e) {
                // The next poll reconnects; an unreachable incident-query ends as a timeout.
            }
            Load.waitUntil(polled + POLL_NANOS);
        }
        return -1;
    }
}
