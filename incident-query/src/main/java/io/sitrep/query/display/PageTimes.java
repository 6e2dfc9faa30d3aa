package io.sitrep.query.display;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every time a status page shows, in the page's zone and in Statuspage's words: "Posted Nov 25,
 * 2024 - 09:57 PST", day headings "Nov 25, 2024", month headings "November 2024". The zone's short
 * name follows daylight saving time (PST in winter, PDT in summer).
 */
public final class PageTimes {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("MMM d, yyyy - HH:mm zzz", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);
    private static final DateTimeFormatter SHORT_DAY_TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private final ZoneId zone;

    public PageTimes(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The times of a page in the zone it names. The write side accepts only valid IANA ids, so UTC
     * stands in only for a zone this JVM's time-zone data does not know yet.
     */
    public static PageTimes in(String timeZone) {
        try {
            return new PageTimes(ZoneId.of(timeZone));
        } catch (DateTimeException | NullPointerException e) {
            return new PageTimes(ZoneId.of("UTC"));
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** "Posted Nov 25, 2024 - 09:57 PST". */
    public String posted(Instant instant) {
        return "Posted " + timestamp(instant);
    }

    /** "Nov 25, 2024 - 09:57 PST". */
    public String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.atZone(zone));
    }

    /** The page's calendar day the instant falls on. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    /** "Nov 25, 2024". */
    public String day(LocalDate day) {
        return DAY.format(day);
    }

    /** "November 2024". */
    public String month(YearMonth month) {
        return MONTH.format(month);
    }

    /** The first instant of a day in the page's zone (not always midnight, where DST starts at 00:00). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /**
     * When an incident ran, as history lists show it: "Nov 25, 08:23 - 11:43 PST" within one day,
     * "Nov 24, 19:12 PST - Nov 25, 09:57 PST" across days, "Nov 25, 08:23 PST - ongoing" while it is
     * open.
     */
    public String span(Instant from, Instant to) {
        ZonedDateTime start = from.atZone(zone);
        if (to == null) {
            return SHORT_DAY_TIME.format(start) + " " + ZONE.format(start) + " - ongoing";
        }
        ZonedDateTime end = to.atZone(zone);
        if (start.toLocalDate().equals(end.toLocalDate()) && ZONE.format(start).equals(ZONE.format(end))) {
            return SHORT_DAY_TIME.format(start) + " - " + TIME.format(end) + " " + ZONE.format(end);
        }
        return SHORT_DAY_TIME.format(start) + " " + ZONE.format(start) + " - " + SHORT_DAY_TIME.format(end) + " "
                + ZONE.format(end);
    }

    /** A length of time as a page shows it: "1 h 34 min", "45 min", "2 h", "under a minute". */
    public static String duration(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        if (hours == 0 && minutes == 0) {
            return "under a minute";
        }
        return hours == 0 ? minutes + " min" : minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
}
