package io.sitrep.query.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PageTimesTest {

    private final PageTimes losAngeles = PageTimes.in("America/Los_Angeles");

    @Test
    void formatsPostedLinesInWinterTimeAsPst() {
        assertThat(losAngeles.posted(Instant.parse("2024-11-25T17:57:00Z")))
                .isEqualTo("Posted Nov 25, 2024 - 09:57 PST");
    }

    @Test
    void formatsPostedLinesInSummerTimeAsPdt() {
        assertThat(losAngeles.posted(Instant.parse("2024-07-04T16:05:00Z")))
                .isEqualTo("Posted Jul 4, 2024 - 09:05 PDT");
    }

    @Test
    void followsTheClockChangeAtTheEndOfDaylightSavingTime() {
        // 3 Nov 2024, 01:30 happens twice in Los Angeles: first in PDT, an hour later in PST.
        assertThat(losAngeles.timestamp(Instant.parse("2024-11-03T08:30:00Z"))).isEqualTo("Nov 3, 2024 - 01:30 PDT");
        assertThat(losAngeles.timestamp(Instant.parse("2024-11-03T09:30:00Z"))).isEqualTo("Nov 3, 2024 - 01:30 PST");
    }

    @Test
    void writesDaysWithoutALeadingZero() {
        assertThat(losAngeles.timestamp(Instant.parse("2024-12-01T08:05:00Z"))).isEqualTo("Dec 1, 2024 - 00:05 PST");
        assertThat(losAngeles.day(LocalDate.of(2024, 3, 9))).isEqualTo("Mar 9, 2024");
    }

    @Test
    void placesAnInstantOnThePagesCalendarDay() {
        Instant lateEvening = Instant.parse("2024-11-26T05:30:00Z");

        assertThat(losAngeles.dayOf(lateEvening)).isEqualTo(LocalDate.of(2024, 11, 25));
        assertThat(PageTimes.in("UTC").dayOf(lateEvening)).isEqualTo(LocalDate.of(2024, 11, 26));
    }

    @Test
    void namesMonthsInFull() {
        assertThat(losAngeles.month(YearMonth.of(2024, 11))).isEqualTo("November 2024");
        assertThat(losAngeles.monthOf(Instant.parse("2024-12-01T07:59:00Z"))).isEqualTo(YearMonth.of(2024, 11));
    }

    @Test
    void writesAnIncidentsSpan() {
        Instant opened = Instant.parse("2024-11-25T16:23:00Z");

        assertThat(losAngeles.span(opened, Instant.parse("2024-11-25T19:43:00Z")))
                .isEqualTo("Nov 25, 08:23 - 11:43 PST");
        assertThat(losAngeles.span(Instant.parse("2024-11-25T03:12:00Z"), Instant.parse("2024-11-25T17:57:00Z")))
                .isEqualTo("Nov 24, 19:12 PST - Nov 25, 09:57 PST");
        assertThat(losAngeles.span(opened, null)).isEqualTo("Nov 25, 08:23 PST - ongoing");
    }

    @Test
    void usesUtcForAZoneItDoesNotKnow() {
        assertThat(PageTimes.in("Mars/Olympus_Mons").timestamp(Instant.parse("2024-11-25T17:57:00Z")))
                .isEqualTo("Nov 25, 2024 - 17:57 UTC");
    }

    @Test
    void aLengthOfTimeReadsInHoursAndMinutes() {
        assertThat(PageTimes.duration(5640)).isEqualTo("1 h 34 min");
        assertThat(PageTimes.duration(7200)).isEqualTo("2 h");
        assertThat(PageTimes.duration(2700)).isEqualTo("45 min");
        assertThat(PageTimes.duration(59)).isEqualTo("under a minute");
    }
}
