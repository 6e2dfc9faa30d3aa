package io.sitrep.query.analytics;

import java.util.List;

/**
 * How long something took over a set of incidents, in seconds: how many, the mean, the median
 * (p50), the 90th percentile and the longest. Percentiles are by nearest rank: the smallest value
 * with at least that share of the values at or below it. With no values, all but the count are null.
 */
public record Durations(int count, Double mean, Long p50, Long p90, Long max) {

    public static Durations of(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return new Durations(0, null, null, null, null);
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElseThrow();
        return new Durations(sorted.size(), Math.round(mean * 10) / 10.0, rank(sorted, 50), rank(sorted, 90),
                sorted.get(sorted.size() - 1));
    }

    private static long rank(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
