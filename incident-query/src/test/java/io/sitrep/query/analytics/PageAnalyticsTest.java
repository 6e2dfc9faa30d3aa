package io.sitrep.query.analytics;

import static io.sitrep.events.IncidentStatus.IDENTIFIED;
import static io.sitrep.events.IncidentStatus.INVESTIGATING;
import static io.sitrep.events.IncidentStatus.MONITORING;
import static io.sitrep.events.IncidentStatus.RESOLVED;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.events.Impact;
import io.sitrep.query.analytics.IncidentFacts.Entry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Analytics on incidents whose figures are worked out by hand. */
class PageAnalyticsTest {

    private static final Instant T0 = Instant.parse("2024-11-25T16:23:00Z");
    private static final Instant T1 = Instant.parse("2024-12-02T09:00:00Z");
    private static final Instant T2 = Instant.parse("2024-12-10T09:00:00Z");
    private static final Instant NOW = T2.plusSeconds(1000);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The Olark incident: investigating, an update, monitoring after 5,640 s, resolved after 12,000 s. */
    private static final IncidentFacts OLARK = new IncidentFacts("olark", Impact.MAJOR, T0, T0.plusSeconds(12000),
            T0.plusSeconds(105420), List.of(new Entry(INVESTIGATING, T0), new Entry(INVESTIGATING, T0.plusSeconds(1800)),
            new Entry(MONITORING, T0.plusSeconds(5640)), new Entry(RESOLVED, T0.plusSeconds(12000))),
            List.of("chat", "agents"));
    /** Opened as identified, resolved ten minutes later. */
    private static final IncidentFacts QUICK = new IncidentFacts("quick", Impact.MINOR, T1, T1.plusSeconds(600), null,
            List.of(new Entry(IDENTIFIED, T1), new Entry(RESOLVED, T1.plusSeconds(600))), List.of("chat"));
    /** Still being investigated, 1,000 s after it opened. */
    private static final IncidentFacts OPEN = new IncidentFacts("open", Impact.CRITICAL, T2, null, null,
            List.of(new Entry(INVESTIGATING, T2)), List.of());

    private final PageAnalytics analytics = PageAnalytics.of(T0, NOW, NOW, BERLIN, List.of(OLARK, QUICK, OPEN), List.of());

    @Test
    void theOlarkIncidentTakes5640SecondsToMonitoringAnd12000ToResolve() {
        PageAnalytics olark = PageAnalytics.of(T0, NOW, NOW, BERLIN, List.of(OLARK), List.of());

        assertThat(olark.timeToMonitoring()).isEqualTo(new Durations(1, 5640.0, 5640L, 5640L, 5640L));
        assertThat(olark.timeToResolve()).isEqualTo(new Durations(1, 12000.0, 12000L, 12000L, 12000L));
        assertThat(olark.timeToIdentify()).as("monitoring is the first entry past investigating")
                .isEqualTo(new Durations(1, 5640.0, 5640L, 5640L, 5640L));
        assertThat(olark.timeToPostmortem()).isEqualTo(new Durations(1, 93420.0, 93420L, 93420L, 93420L));
        assertThat(olark.timeInStatus().get("investigating").max()).isEqualTo(5640L);
        assertThat(olark.timeInStatus().get("monitoring").max()).isEqualTo(6360L);
        assertThat(olark.timeInStatus().get("identified").count()).isZero();
    }

    @Test
    void countsTheIncidentsByImpactAndByComponent() {
        assertThat(analytics.incidents()).isEqualTo(3);
        assertThat(analytics.byImpact()).containsExactly(entry("none", 0), entry("minor", 1),
                entry("major", 1), entry("critical", 1));
        assertThat(analytics.byComponent()).containsExactly(entry("chat", 2),
                entry("agents", 1));
    }

    @Test
    void durationsAreSummedUpOverTheIncidentsThatHadThem() {
        // 12,000 and 600: the mean 6,300; by nearest rank the median is the first, p90 the second.
        assertThat(analytics.timeToResolve()).isEqualTo(new Durations(2, 6300.0, 600L, 12000L, 12000L));
        // Opened as identified: 0 s to identify.
        assertThat(analytics.timeToIdentify()).isEqualTo(new Durations(2, 2820.0, 0L, 5640L, 5640L));
        assertThat(analytics.timeToMonitoring().count()).isEqualTo(1);
        assertThat(analytics.timeToPostmortem().count()).isEqualTo(1);
        // The open incident has spent the 1,000 s since it opened investigating.
        assertThat(analytics.timeInStatus().get("investigating")).isEqualTo(new Durations(2, 3320.0, 1000L, 5640L, 5640L));
        assertThat(analytics.timeInStatus().get("identified")).isEqualTo(new Durations(1, 600.0, 600L, 600L, 600L));
    }

    @Test
    void durationsAreRealSecondsAcrossAClockChange() {
        // Berlin moves its clocks from 02:00 to 03:00 on 30 March 2025: opened at 01:30, monitoring at
        // 03:30 and resolved at 04:30 on the wall clock are one and two hours later, not two and three.
        Instant opened = Instant.parse("2025-03-30T00:30:00Z");
        IncidentFacts acrossTheChange = new IncidentFacts("dst", Impact.MINOR, opened, opened.plusSeconds(7200),
                null, List.of(new Entry(INVESTIGATING, opened), new Entry(MONITORING, opened.plusSeconds(3600)),
                new Entry(RESOLVED, opened.plusSeconds(7200))), List.of());

        Instant later = opened.plus(Duration.ofDays(1));
        PageAnalytics analytics = PageAnalytics.of(opened, later, later, BERLIN, List.of(acrossTheChange), List.of());

        assertThat(analytics.timeToMonitoring().max()).isEqualTo(3600L);
        assertThat(analytics.timeToResolve().max()).isEqualTo(7200L);
        assertThat(analytics.timeInStatus().get("monitoring").max()).isEqualTo(3600L);
    }

    @Test
    void withoutIncidentsEveryDurationIsEmpty() {
        PageAnalytics none = PageAnalytics.of(T0, NOW, NOW, BERLIN, List.of(), List.of());

        assertThat(none.timeToResolve()).isEqualTo(new Durations(0, null, null, null, null));
        assertThat(none.byImpact().values()).containsOnly(0);
    }

    @Test
    void incidentsAreCountedByWeekAndResolvedOnesTimedByMonthInThePagesZone() {
        assertThat(analytics.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(analytics.incidentsPerWeek()).extracting(week -> week.week().toString())
                .containsExactly("2024-11-25", "2024-12-02", "2024-12-09");
        assertThat(analytics.incidentsPerWeek().get(0).byImpact()).containsExactly(entry("none", 0), entry("minor", 0),
                entry("major", 1), entry("critical", 0));
        assertThat(analytics.incidentsPerWeek().get(1).byImpact()).containsEntry("minor", 1);
        assertThat(analytics.incidentsPerWeek().get(2).byImpact()).containsEntry("critical", 1);
        assertThat(analytics.timeToResolvePerMonth()).extracting(month -> month.month().toString())
                .containsExactly("2024-11", "2024-12");
        assertThat(analytics.timeToResolvePerMonth().get(0).timeToResolve())
                .isEqualTo(new Durations(1, 12000.0, 12000L, 12000L, 12000L));
        assertThat(analytics.timeToResolvePerMonth().get(1).timeToResolve().count())
                .as("the open incident is not resolved yet").isEqualTo(1);
        assertThat(analytics.rows()).contains(List.of("incidents_per_week", "2024-11-25", "major", "1"),
                List.of("time_to_resolve_per_month", "2024-11", "p50", "12000"));
    }

    @Test
    void aWeekBeginsOnMondayInThePagesZoneNotInUtc() {
        // 22:30 UTC on Sunday 30 March 2025 is 00:30 on Monday 31 March in Berlin (summer time).
        Instant mondayInBerlin = Instant.parse("2025-03-30T22:30:00Z");
        IncidentFacts incident = new IncidentFacts("monday", Impact.NONE, mondayInBerlin, null, null,
                List.of(new Entry(INVESTIGATING, mondayInBerlin)), List.of());
        Instant from = Instant.parse("2025-03-20T00:00:00Z");
        Instant to = Instant.parse("2025-04-05T00:00:00Z");

        PageAnalytics analytics = PageAnalytics.of(from, to, to, BERLIN, List.of(incident), List.of());

        assertThat(analytics.incidentsPerWeek()).extracting(week -> week.week().toString())
                .containsExactly("2025-03-17", "2025-03-24", "2025-03-31");
        assertThat(analytics.incidentsPerWeek().get(2).byImpact()).containsEntry("none", 1);
        assertThat(analytics.incidentsPerWeek().get(1).byImpact().values()).containsOnly(0);
    }
}
