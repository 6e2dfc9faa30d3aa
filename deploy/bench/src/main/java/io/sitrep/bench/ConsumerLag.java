package io.sitrep.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * incident-query's consumer lag in records, read from its {@code /actuator/prometheus}: the sum of
 * the Kafka client's per-partition {@code records_lag}, which is current (unlike {@code
 * records_lag_max}, a maximum over the last minute or so), or else a Sitrep gauge named like a lag.
 */
final class ConsumerLag {

    private static final String PER_PARTITION = "kafka_consumer_fetch_manager_records_lag";

    private ConsumerLag() {
    }

    /** The lag, if the exposition shows one. */
    static OptionalDouble of(String exposition) {
        // The client registers each partition's metrics twice, under the topic's name as it is and
        // with its dots as underscores: one entry per partition once the dots are gone.
        Map<String, Double> perPartition = new HashMap<>();
        OptionalDouble sitrep = OptionalDouble.empty();
        for (String line : exposition.split("\n")) {
            int valueStart = line.lastIndexOf(' ');
            if (line.startsWith("#") || valueStart < 0) {
                continue;
            }
            int labelsStart = line.indexOf('{');
            String name = line.substring(0, labelsStart >= 0 ? labelsStart : valueStart);
            double value;
            try {
                value = Double.parseDouble(line.substring(valueStart + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            if (Double.isNaN(value)) {
                continue; // a partition not fetched from yet
            }
            if (name.equals(PER_PARTITION)) {
                perPartition.put(line.substring(0, valueStart).replace('.', '_'), value);
            } else if (name.startsWith("sitrep_") && name.contains("lag")) {
                sitrep = OptionalDouble.of(value + sitrep.orElse(0));
            }
        }
        if (!perPartition.isEmpty()) {
            return OptionalDouble.of(perPartition.values().stream().mapToDouble(Double::doubleValue).sum());
        }
        return sitrep;
    }
}
