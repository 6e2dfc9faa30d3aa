package io.sitrep.query.uptime;

import static io.sitrep.events.ComponentStatus.MAJOR_OUTAGE;
import static io.sitrep.events.ComponentStatus.OPERATIONAL;
import static io.sitrep.events.ComponentStatus.PARTIAL_OUTAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.query.uptime.UptimeDays.Change;
import io.sitrep.query.uptime.UptimeDays.Day;
import io.sitrep.query.uptime.UptimeDays.Span;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Uptime figures checked by hand, around the night Berlin moves its clocks forward (Sunday 30 March
 * 2025 has 23 hours: 82,800 seconds).
 */
class UptimeDaysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 31 March 2025, 12:00 in Berlin (CEST). */
    private static final Instant NOW = Instant.parse("2025-03-31T10:00:00Z");
    /** 23:00 on Saturday (CET) major outage; 03:30 on Sunday (CEST) partial; 12:00 on Sunday operational. */
    private static final List<Change> CHANGES = List.of(
            new Change(Instant.parse("2025-03-29T22:00:00Z"), MAJOR_OUTAGE),
            new Change(Instant.parse("2025-03-30T01:30:00Z"), PARTIAL_OUTAGE),
            new Change(Instant.parse("2025-03-30T10:00:00Z"), OPERATIONAL));
    private static final List<Span> INCIDENTS = List.of(
            new Span("inc-1", "Chat is down", Instant.parse("2025-03-29T22:00:00Z"),
                    Instant.parse("2025-03-30T10:00:00Z")));

    @Test
    void eachDayCountsItsOwnSecondsOfOutageAcrossTheClockChange() {
        List<Day> days = UptimeDays.of(BERLIN, NOW, 3, LocalDate.parse("2025-03-01"), 0.3, CHANGES, INCIDENTS);

        assertThat(days).containsExactly(
                // 1 h of major outage out of 24 h: 100 × (1 − 3,600 / 86,400)
                new Day("2025-03-29", 95.8333, 3600, 0, List.of("inc-1")),
                // 2.5 h major and 8.5 h partial out of 23 h: 100 × (1 − (9,000 + 0.3 × 30,600) / 82,800)
                new Day("2025-03-30", 78.0435, 9000, 30600, List.of("inc-1")),
                // operational all of the 12 h that have passed
                new Day("2025-03-31", 100.0, 0, 0, List.of()));
    }

    @Test
    void aPartialOutageCountsWithTheConfiguredWeight() {
        Day sunday = UptimeDays.of(BERLIN, NOW, 2, LocalDate.parse("2025-03-01"), 1.0, CHANGES, INCIDENTS).get(0);

        // 100 × (1 − (9,000 + 30,600) / 82,800)
        assertThat(sunday.uptimePercent()).isEqualTo(52.1739);
    }

    @Test
    void daysBeforeTheFirstDayOfDataHaveNoUptime() {
        List<Day> days = UptimeDays.of(BERLIN, NOW, 3, LocalDate.parse("2025-03-30"), 0.3, CHANGES, INCIDENTS);

        assertThat(days.get(0)).isEqualTo(new Day("2025-03-29", null, 0, 0, List.of("inc-1")));
        assertThat(days.get(1).uptimePercent()).isEqualTo(78.0435);
    }

    @Test
    void anOutageThatIsStillOnLastsUntilNow() {
        List<Change> stillDown = List.of(new Change(Instant.parse("2025-03-31T08:00:00Z"), MAJOR_OUTAGE));

        Day today = UptimeDays.of(BERLIN, NOW, 1, LocalDate.parse("2025-03-01"), 0.3, stillDown, List.of()).get(0);

        // 2 h of the 12 h that have passed since midnight (22:00 UTC)
        assertThat(today).isEqualTo(new Day("2025-03-31", 83.3333, 7200, 0, List.of()));
    }
}
