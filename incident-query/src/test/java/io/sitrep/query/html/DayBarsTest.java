package io.sitrep.query.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DayBarsTest {

    @Test
    void aPercentageShowsTwoDecimalsAtMostAndNeverRoundsUpToAFullDay() {
        assertThat(DayBars.percent(100.0)).isEqualTo("100%");
        assertThat(DayBars.percent(99.5)).isEqualTo("99.5%");
        assertThat(DayBars.percent(95.881)).isEqualTo("95.88%");
        assertThat(DayBars.percent(99.9999)).as("a day with downtime is not shown as 100%").isEqualTo("99.99%");
    }
}
