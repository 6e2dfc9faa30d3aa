package io.sitrep.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Waits for incident-query to show what was written. */
final class ReadSide {

    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private ReadSide() {
    }

    /**
     * Reads the incidents one after another, each until it shows at least its version, counting
     * them in {@code shown}; false if {@code timeout} passes first.
     */
    static boolean awaitShown(URI query, List<Written> incidents, Duration timeout, AtomicInteger shown) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpConnection reader = new HttpConnection(query)) {
            for (Written incident : incidents) {
                Request read = Request.get("/api/v1/incidents/" + incident.incidentId());
                while (!shows(reader, read, incident)) {
                    long now = System.nanoTime();
                    if (now - deadline > 0) {
                        return false;
                    }
                    Load.waitUntil(now + POLL_NANOS);
                }
                shown.incrementAndGet();
            }
            return true;
        }
    }

    private static boolean shows(HttpConnection reader, Request read, Written incident) {
        try {
            return incident.isShownBy(reader.send(read));
        } catch (IOException e) {
            return false; // not listening (yet): the next poll connects again
        }
    }
}
