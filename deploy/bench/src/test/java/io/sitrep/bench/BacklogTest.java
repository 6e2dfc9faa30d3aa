package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BacklogTest {

    @Test
    void readsTheRelayLagGaugeWithOrWithoutLabels() {
        String exposition = """
                # HELP sitrep_relay_lag_events Events in the event store that the relay has not yet published
                # TYPE sitrep_relay_lag_events gauge
                sitrep_relay_lag_events 42.0
                sitrep_relay_published_events_total 7.0
                """;
        assertThat(Backlog.gauge(exposition, "sitrep_relay_lag_events")).isEqualTo(OptionalLong.of(42));
        assertThat(Backlog.gauge("sitrep_relay_lag_events{application=\"x\"} 3.0\n", "sitrep_relay_lag_events"))
                .isEqualTo(OptionalLong.of(3));
    }

    @Test
    void aGaugeNotShownIsEmptyAndALongerNameIsNotIt() {
        assertThat(Backlog.gauge("sitrep_relay_lag_events_max 9.0\n", "sitrep_relay_lag_events")).isEmpty();
    }
}
