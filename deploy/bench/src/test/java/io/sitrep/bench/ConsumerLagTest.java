package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    @Test
    void sumsThePartitionsCountingEachOnceWhateverTheTopicSpelling() {
        String exposition = """
                # HELP kafka_consumer_fetch_manager_records_lag The latest lag of the partition
                # TYPE kafka_consumer_fetch_manager_records_lag gauge
                kafka_consumer_fetch_manager_records_lag{client_id="c-1",partition="0",topic="sitrep.incident-events"} 120.0
                kafka_consumer_fetch_manager_records_lag{client_id="c-1",partition="0",topic="sitrep_incident-events"} 120.0
                kafka_consumer_fetch_manager_records_lag{client_id="c-2",partition="3",topic="sitrep.incident-events"} 30.0
                kafka_consumer_fetch_manager_records_lag{client_id="c-2",partition="3",topic="sitrep_incident-events"} 30.0
                kafka_consumer_fetch_manager_records_lag{client_id="c-2",partition="4",topic="sitrep.incident-events"} NaN
                kafka_consumer_fetch_manager_records_lag_max{client_id="c-1",topic="sitrep.incident-events"} 9000.0
                jvm_threads_live_threads 41.0
                """;

        assertThat(ConsumerLag.of(exposition)).isEqualTo(OptionalDouble.of(150));
    }

    @Test
    void takesASitrepLagGaugeWithoutTheClientsMetrics() {
        assertThat(ConsumerLag.of("sitrep_consumer_lag_records{partition=\"0\"} 7.0\nsitrep_consumer_lag_records{partition=\"1\"} 0.0\n"))
                .isEqualTo(OptionalDouble.of(7));
    }

    @Test
    void isEmptyWithoutALagMetric() {
        assertThat(ConsumerLag.of("kafka_consumer_fetch_manager_records_lag_max{topic=\"t\"} 12.0\nup 1\n")).isEmpty();
    }
}
