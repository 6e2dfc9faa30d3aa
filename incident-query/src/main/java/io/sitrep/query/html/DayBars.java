package io.sitrep.query.html;

import io.sitrep.query.display.PageTimes;
import io.sitrep.query.html.PageModels.DayCell;
import io.sitrep.query.uptime.Uptime;
import io.sitrep.query.uptime.UptimeDays;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The 90 day cells under each component, oldest first, ending today in the page's zone, from the
 * component's uptime ({@link UptimeDays}): a day with major outage is red, with partial outage
 * orange, a day on which an incident named the component without an outage yellow, any other day
 * green, and days before the component's first day of data grey. Each cell says the day's uptime,
 * its outages and its incidents; the bar says the period's uptime.
 */
final class DayBars {

    static final int DAYS = 90;

    /** A component's bar, its uptime over the period ("99.87% uptime", null without data) and its summary. */
    record Bar(List<DayCell> days, String uptime, String summary) {
    }

    private DayBars() {
    }

    /** @param window the component's last {@link #DAYS} days, its uptime over them and their incidents */
    static Bar of(String componentName, PageTimes times, Uptime.Window window) {
        List<UptimeDays.Day> days = window.days();
        List<DayCell> cells = new ArrayList<>(days.size());
        int daysWithIncidents = 0;
        for (UptimeDays.Day day : days) {
            String date = times.day(LocalDate.parse(day.date()));
            if (day.uptimePercent() == null) {
                cells.add(new DayCell("nodata", date, "no data"));
                continue;
            }
            List<String> parts = new ArrayList<>();
            parts.add(percent(day.uptimePercent()) + " uptime");
            if (day.majorOutageSeconds() > 0) {
                parts.add("major outage " + PageTimes.duration(day.majorOutageSeconds()));
            }
            if (day.partialOutageSeconds() > 0) {
                parts.add("partial outage " + PageTimes.duration(day.partialOutageSeconds()));
            }
            if (day.incidentIds().isEmpty()) {
                parts.add("no incidents");
            } else {
                daysWithIncidents++;
                parts.add(String.join("; ", day.incidentIds().stream().map(window.titles()::get).toList()));
            }
            cells.add(new DayCell(tone(day), date, String.join(", ", parts)));
        }
        String uptime = window.overall().map(figures -> percent(figures.uptimePercent()) + " uptime").orElse(null);
        String summary = "Last " + days.size() + " days of " + componentName + ": "
                + (uptime == null ? "no data" : uptime) + ", "
                + (daysWithIncidents == 0 ? "no incidents" : "incidents on " + daysWithIncidents
                + (daysWithIncidents == 1 ? " day" : " days"));
        return new Bar(List.copyOf(cells), uptime, summary);
    }

    private static String tone(UptimeDays.Day day) {
        if (day.majorOutageSeconds() > 0) {
            return "major";
        }
        if (day.partialOutageSeconds() > 0) {
            return "partial";
        }
        return day.incidentIds().isEmpty() ? "ok" : "degraded";
    }

    /** "100%", "99.87%": two decimals at most, none where they are zero. */
    static String percent(double value) {
        String text = String.format(Locale.ROOT, "%.2f", Math.floor(value * 100) / 100);
        return text.replaceAll("\\.?0+$", "") + "%";
    }
}
