package io.sitrep.query.uptime;

import io.sitrep.events.ComponentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A component's uptime, day by day in its page's zone, from the history of the statuses incidents
 * gave it (by when each entry happened). A day's downtime is its seconds in major outage plus its
 * seconds in partial outage times a weight; its uptime is the rest, as a percentage of the day
 * (of the part that has passed, for today). A day has 23 or 25 hours where the zone changes its
 * clocks. Before the component's first day of data, a day has no uptime.
 */
public final class UptimeDays {

    /** From {@code at} on, the component had {@code status}. */
    public record Change(Instant at, ComponentStatus status) {
    }

    /** An incident that named the component, open from {@code from} until {@code to} (null while open). */
    public record Span(String incidentId, String title, Instant from, Instant to) {
    }

    /** One day's figures; {@code uptimePercent} is null before the component's first day of data. */
    public record Day(String date, Double uptimePercent, long majorOutageSeconds, long partialOutageSeconds,
                      List<String> incidentIds) {
    }

    /** A period's figures: its seconds in major and in partial outage, and its uptime. */
    public record Figures(long majorOutageSeconds, long partialOutageSeconds, double uptimePercent) {
    }

    private UptimeDays() {
    }

    /**
     * The last {@code days} days ending today (at {@code now}), oldest first.
     *
     * @param changes the component's status changes in the order they happened, including the last
     *                one before the first day (it says how that day began)
     * @param firstDay the component's first day of data, or null when it has none
     */
    public static List<Day> of(ZoneId zone, Instant now, int days, LocalDate firstDay, double partialWeight,
                               List<Change> changes, List<Span> incidents) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Day> result = new ArrayList<>(days);
        for (LocalDate date = today.minusDays(days - 1L); !date.isAfter(today); date = date.plusDays(1)) {
            Instant start = date.atStartOfDay(zone).toInstant();
            Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
            List<String> named = incidents.stream()
                    .filter(span -> span.from().isBefore(end) && (span.to() == null || span.to().isAfter(start)))
                    .map(Span::incidentId).toList();
            if (firstDay == null || date.isBefore(firstDay)) {
                result.add(new Day(date.toString(), null, 0, 0, named));
                continue;
            }
            Figures figures = figures(changes, start, end.isAfter(now) ? now : end, now, partialWeight);
            result.add(new Day(date.toString(), figures.uptimePercent(), figures.majorOutageSeconds(),
                    figures.partialOutageSeconds(), named));
        }
        return result;
    }

    /**
     * The figures of [start, until), until no later than now: downtime is the seconds of major outage
     * plus those of partial outage times {@code partialWeight}; uptime the rest, in percent (to four
     * decimals).
     */
    public static Figures figures(List<Change> changes, Instant start, Instant until, Instant now,
                                  double partialWeight) {
        long major = secondsIn(changes, ComponentStatus.MAJOR_OUTAGE, start, until, now);
        long partial = secondsIn(changes, ComponentStatus.PARTIAL_OUTAGE, start, until, now);
        long length = Duration.between(start, until).toSeconds();
        double uptime = length <= 0 ? 100.0 : 100.0 * (1 - (major + partialWeight * partial) / length);
        return new Figures(major, partial, Math.round(uptime * 10_000) / 10_000.0);
    }

    /** How long, within [start, until), the component had this status; the last change lasts until now. */
    private static long secondsIn(List<Change> changes, ComponentStatus status, Instant start, Instant until,
                                  Instant now) {
        long seconds = 0;
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).status() != status) {
                continue;
            }
            Instant from = later(changes.get(i).at(), start);
            Instant to = earlier(i + 1 < changes.size() ? changes.get(i + 1).at() : now, until);
            if (from.isBefore(to)) {
                seconds += Duration.between(from, to).toSeconds();
            }
        }
        return seconds;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
