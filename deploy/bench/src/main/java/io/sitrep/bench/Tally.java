package io.sitrep.bench;

import org.HdrHistogram.Histogram;

/** The answers one thread saw: latencies and counts by kind. Not thread-safe; merged with {@link #add}. */
final class Tally {

    private final Histogram latencyMicros = Latency.histogram();
    private long ok;
    private long conflict;
    private long otherClientErrors;
    private long unavailable;
    private long otherServerErrors;
    private long ioErrors;

    void answered(int status, long latencyNanos) {
        latencyMicros.recordValue(Math.max(0, latencyNanos / 1000));
        if (status >= 200 && status < 300) {
            ok++;
        } else if (status == 409) {
            conflict++;
        } else if (status == 503) {
            unavailable++;
        } else if (status >= 500) {
            otherServerErrors++;
        } else {
            otherClientErrors++; // 3xx and 1xx too: none of the calls here expects one
        }
    }

    void ioError() {
        ioErrors++;
    }

    void add(Tally other) {
        latencyMicros.add(other.latencyMicros);
        ok += other.ok;
        conflict += other.conflict;
        otherClientErrors += other.otherClientErrors;
        unavailable += other.unavailable;
        otherServerErrors += other.otherServerErrors;
        ioErrors += other.ioErrors;
    }

    Counts counts() {
        return new Counts(ok, conflict, otherClientErrors, unavailable, otherServerErrors, ioErrors);
    }

    Latency latency() {
        return Latency.of(latencyMicros);
    }
}
