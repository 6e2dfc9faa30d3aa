package io.sitrep.bench;

import org.HdrHistogram.Histogram;

/** Percentiles of a histogram recorded in microseconds, in milliseconds; null when it is empty. */
record Latency(long count, Double p50, Double p99, Double p999, Double max) {

    static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Latency(0, null, null, null, null);
        }
        return new Latency(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getValueAtPercentile(99.9)),
                millis(micros.getMaxValue()));
    }

    /** A histogram for values in microseconds, three significant digits, growing as needed. */
    static Histogram histogram() {
        return new Histogram(3);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
