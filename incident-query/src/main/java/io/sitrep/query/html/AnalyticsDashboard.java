package io.sitrep.query.html;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.query.analytics.Durations;
import io.sitrep.query.analytics.PageAnalytics;
import io.sitrep.query.display.PageTimes;
import io.sitrep.query.readmodel.ComponentView;
import io.sitrep.query.readmodel.InvalidParameter;
import io.sitrep.query.readmodel.WireNames;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * What the analytics dashboard shows: the period and the other periods to pick, the key figures,
 * and four charts (incidents per week by impact, time to resolve per month, time in each status,
 * uptime per component), all from the same {@link PageAnalytics} as the API and the CSV.
 */
public record AnalyticsDashboard(PageModels.Page page, Period period, List<Period> periods, String span, String timeZone,
                          List<Figure> figures, List<ColumnChart> charts) {

    /** The periods to pick from: each ends now. */
    public enum Period {
        LAST_30_DAYS("30d", "30 days", 30),
        LAST_90_DAYS("90d", "90 days", 90),
        LAST_12_MONTHS("365d", "12 months", 365);

        private final String parameter;
        private final String label;
        private final int days;

        Period(String parameter, String label, int days) {
            this.parameter = parameter;
            this.label = label;
            this.days = days;
        }

        public String parameter() {
            return parameter;
        }

        public String label() {
            return label;
        }

        Duration length() {
            return Duration.ofDays(days);
        }

        /** The period a {@code period=} parameter names: 90 days without one. */
        static Period of(String parameter) {
            if (parameter == null || parameter.isBlank()) {
                return LAST_90_DAYS;
            }
            return Arrays.stream(values()).filter(period -> period.parameter.equals(parameter)).findFirst()
                    .orElseThrow(() -> new InvalidParameter("period", "is not one of "
                            + Arrays.stream(values()).map(Period::parameter).collect(Collectors.joining(", "))));
        }
    }

    /** A key figure: what it is and its value in words. */
    public record Figure(String label, String value) {
    }

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);
    private static final List<IncidentStatus> OPEN_STATUSES =
            List.of(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING);

    static AnalyticsDashboard of(PageModels.Page page, Period period, PageAnalytics analytics,
                                 List<ComponentView> components) {
        PageTimes times = PageTimes.in(analytics.timeZone());
        String span = times.day(times.dayOf(analytics.from())) + " – " + times.day(times.dayOf(analytics.to()));
        List<Figure> figures = List.of(
                new Figure("Incidents", Integer.toString(analytics.incidents())),
                new Figure("Time to resolve, median", elapsed(analytics.timeToResolve().p50())),
                new Figure("Time to resolve, 90th percentile", elapsed(analytics.timeToResolve().p90())),
                new Figure("Time to identify, median", elapsed(analytics.timeToIdentify().p50())),
                new Figure("Time to monitoring, median", elapsed(analytics.timeToMonitoring().p50())),
                new Figure("Time to postmortem, median", elapsed(analytics.timeToPostmortem().p50())));
        return new AnalyticsDashboard(page, period, List.of(Period.values()), span, analytics.timeZone(), figures,
                List.of(incidentsPerWeek(analytics), timeToResolvePerMonth(analytics), timeInStatus(analytics),
                        uptime(analytics, components)));
    }

    private static ColumnChart incidentsPerWeek(PageAnalytics analytics) {
        List<ColumnChart.Series> series = Arrays.stream(Impact.values())
                .map(impact -> new ColumnChart.Series(Wording.impactLabel(impact), Wording.impactTone(impact))).toList();
        List<ColumnChart.Column> columns = analytics.incidentsPerWeek().stream()
                .map(week -> new ColumnChart.Column("Week of " + WEEK.format(week.week()), WEEK.format(week.week()),
                        Arrays.stream(Impact.values())
                        .map(impact -> (double) week.byImpact().get(WireNames.of(impact))).toList()))
                .toList();
        return new ColumnChart("incidents-per-week", "Incidents per week, by impact",
                "How many incidents were opened each week (Monday to Sunday), stacked by impact.", series, columns,
                true, null, true, count -> String.format(Locale.US, "%.0f", count));
    }

    private static ColumnChart timeToResolvePerMonth(PageAnalytics analytics) {
        Map<String, Durations> months = new LinkedHashMap<>();
        analytics.timeToResolvePerMonth().forEach(month -> months.put(MONTH.format(month.month()), month.timeToResolve()));
        return percentiles("time-to-resolve", "Time to resolve per month",
                "The median (p50) and 90th percentile (p90) time from opening to resolution of the incidents opened "
                        + "each month.", months);
    }

    private static ColumnChart timeInStatus(PageAnalytics analytics) {
        Map<String, Durations> statuses = new LinkedHashMap<>();
        OPEN_STATUSES.forEach(status -> statuses.put(WireNames.label(status),
                analytics.timeInStatus().get(WireNames.of(status))));
        return percentiles("time-in-status", "Time in each status",
                "The median (p50) and 90th percentile (p90) time an incident spent in each status, over the "
                        + "incidents that had it.", statuses);
    }

    /** A chart of the p50 and p90 of each set of durations, in minutes, hours or days as they run. */
    private static ColumnChart percentiles(String id, String title, String description, Map<String, Durations> sets) {
        long longest = sets.values().stream().filter(set -> set.p90() != null).mapToLong(Durations::p90).max().orElse(0);
        Unit unit = Unit.fitting(longest);
        List<ColumnChart.Column> columns = new ArrayList<>();
        sets.forEach((label, set) -> columns.add(new ColumnChart.Column(label,
                Arrays.asList(unit.of(set.p50()), unit.of(set.p90())))));
        return new ColumnChart(id, title, description, List.of(new ColumnChart.Series("p50", "maintenance"),
                new ColumnChart.Series("p90", "neutral")), columns, false, null, false, unit.format());
    }

    private static ColumnChart uptime(PageAnalytics analytics, List<ComponentView> components) {
        Map<String, String> names = components.stream()
                .collect(Collectors.toMap(ComponentView::id, ComponentView::name, (a, b) -> a));
        List<ColumnChart.Column> columns = analytics.components().stream()
                .map(component -> new ColumnChart.Column(names.getOrDefault(component.id(), component.id()),
                        Arrays.asList(component.uptimePercent())))
                .toList();
        return new ColumnChart("uptime", "Uptime per component",
                "Each component's uptime over the period: a major outage counts as down, a partial outage in part.",
                List.of(new ColumnChart.Series("uptime", "ok")), columns, false, 100.0, false, DayBars::percent);
    }

    /** The unit a duration chart is drawn in. */
    private record Unit(String name, double seconds) {

        static Unit fitting(long longestSeconds) {
            if (longestSeconds < 2 * 3600) {
                return new Unit("min", 60);
            }
            return longestSeconds < 3 * 86400 ? new Unit("h", 3600) : new Unit("d", 86400);
        }

        Double of(Long durationSeconds) {
            return durationSeconds == null ? null : durationSeconds / seconds;
        }

        DoubleFunction<String> format() {
            return value -> String.format(Locale.US, value == Math.rint(value) ? "%.0f %s" : "%.1f %s", value, name);
        }
    }

    /** A duration as the pages show it ("3 h 20 min"); "–" for none. */
    private static String elapsed(Long seconds) {
        return seconds == null ? "–" : PageTimes.duration(seconds);
    }
}
