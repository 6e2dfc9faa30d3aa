package io.sitrep.query.display;

import static io.sitrep.events.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.sitrep.events.ComponentStatus.MAJOR_OUTAGE;
import static io.sitrep.events.ComponentStatus.OPERATIONAL;
import static io.sitrep.events.ComponentStatus.PARTIAL_OUTAGE;
import static io.sitrep.events.ComponentStatus.UNDER_MAINTENANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.query.readmodel.ComponentView;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeverityTest {

    @Test
    void maintenanceIsWorseThanOperationalAndBetterThanAnyTrouble() {
        assertThat(Severity.worst(List.of(OPERATIONAL, UNDER_MAINTENANCE))).isEqualTo(UNDER_MAINTENANCE);
        assertThat(Severity.worst(List.of(UNDER_MAINTENANCE, DEGRADED_PERFORMANCE))).isEqualTo(DEGRADED_PERFORMANCE);
        assertThat(Severity.worst(List.of(MAJOR_OUTAGE, PARTIAL_OUTAGE, OPERATIONAL))).isEqualTo(MAJOR_OUTAGE);
        assertThat(Severity.worst(List.of())).isEqualTo(OPERATIONAL);
    }

    @Test
    void aComponentsRankIsItsPlaceOnThePagesStatusScale() {
        assertThat(List.of(OPERATIONAL, UNDER_MAINTENANCE, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE))
                .extracting(Severity::rank).containsExactly(0, 1, 2, 3, 4);
        assertThat(PageStatus.of(List.of(), List.of(new ComponentView("c", "C", null, UNDER_MAINTENANCE, 0,
                null, null))).indicator()).isEqualTo("maintenance");
    }
}
