package io.sitrep.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalPortsTest {

    @Test
    void keepsTheDefaultsWhenNoVariableIsSet() {
        assertThat(LocalPorts.RUN.overriddenBy(Map.of("SITREP_PG_PORT", " ")))
                .isEqualTo(new LocalPorts(15432, 9092, 8080, 8081));
    }

    @Test
    void eachVariableReplacesItsPort() {
        Map<String, String> environment = Map.of(
                "SITREP_PG_PORT", "25432", "SITREP_KAFKA_PORT", "19092",
                "SITREP_COMMAND_PORT", "18080", "SITREP_QUERY_PORT", " 18081 ");

        assertThat(LocalPorts.RUN.overriddenBy(environment)).isEqualTo(new LocalPorts(25432, 19092, 18080, 18081));
    }

    @Test
    void refusesWhatIsNotAPort() {
        assertThatThrownBy(() -> LocalPorts.RUN.overriddenBy(Map.of("SITREP_KAFKA_PORT", "kafka")))
                .hasMessage("SITREP_KAFKA_PORT is not a port number: kafka");
        assertThatThrownBy(() -> LocalPorts.RUN.overriddenBy(Map.of("SITREP_QUERY_PORT", "70000")))
                .hasMessage("SITREP_QUERY_PORT is not a port number: 70000");
    }
}
