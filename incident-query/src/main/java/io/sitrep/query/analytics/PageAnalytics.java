package io.sitrep.query.analytics;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.query.analytics.IncidentFacts.Entry;
import io.sitrep.query.readmodel.WireNames;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A page's analytics over a period: the incidents opened in it (by when they happened), counted by
 * impact and by component; how long they took to be identified, to be monitored, to be resolved
 * and to get a postmortem; how long they spent in each status; and each component's outages and
 * uptime over the period. Every time is when things happened ({@code occurredAt}), backdated
 * entries included.
 */
public record PageAnalytics(Instant from, Instant to, String timeZone, int incidents, Map<String, Integer> byImpact,
                            Map<String, Integer> byComponent, Durations timeToIdentify, Durations timeToMonitoring,
                            Durations timeToResolve, Durations timeToPostmortem, Map<String, Durations> timeInStatus,
                            List<ComponentFigures> components, List<Week> incidentsPerWeek,
                            List<Month> timeToResolvePerMonth) {

    /** The incidents opened in a week (Monday to Sunday in the page's zone) by impact; the first and last may be cut by the period. */
    public record Week(LocalDate week, Map<String, Integer> byImpact) {
    }

    /** The time to resolve of the incidents opened in a month (in the page's zone) and resolved. */
    public record Month(YearMonth month, Durations timeToResolve) {
    }

    /** A component's outages over the period; {@code uptimePercent} is null when it had no data in it. */
    public record ComponentFigures(String id, long majorOutageSeconds, long partialOutageSeconds,
                                   Double uptimePercent) {
    }

    private static final Set<IncidentStatus> IDENTIFIED_OR_LATER =
            EnumSet.of(IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING, IncidentStatus.RESOLVED);
    private static final List<IncidentStatus> OPEN_STATUSES =
            List.of(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING);

    /**
     * The analytics of these incidents. Time to identify runs from open to the first entry that left
     * the incident identified, monitoring or resolved; to monitoring, to the first that left it
     * monitoring; to resolve, from open to resolve; to postmortem, from resolve to the first
     * postmortem. Time in a status runs from the entry that set it to the next entry (to now for an
     * unresolved incident's last one), summed per incident, over the incidents that had the status.
     * Weeks and months are the page's ({@code zone}), each incident in the one it was opened in.
     */
    public static PageAnalytics of(Instant from, Instant to, Instant now, ZoneId zone, List<IncidentFacts> incidents,
                                   List<ComponentFigures> components) {
        Map<String, Integer> byImpact = new LinkedHashMap<>();
        for (Impact impact : Impact.values()) {
            byImpact.put(WireNames.of(impact), 0);
        }
        Map<String, Integer> byComponent = new LinkedHashMap<>();
        List<Long> toIdentify = new ArrayList<>();
        List<Long> toMonitoring = new ArrayList<>();
        List<Long> toResolve = new ArrayList<>();
        List<Long> toPostmortem = new ArrayList<>();
        Map<IncidentStatus, List<Long>> inStatus = new EnumMap<>(IncidentStatus.class);
        OPEN_STATUSES.forEach(status -> inStatus.put(status, new ArrayList<>()));
        for (IncidentFacts incident : incidents) {
            byImpact.merge(WireNames.of(incident.impact()), 1, Integer::sum);
            incident.components().forEach(component -> byComponent.merge(component, 1, Integer::sum));
            firstEntry(incident, IDENTIFIED_OR_LATER).ifPresent(at -> toIdentify.add(seconds(incident.openedAt(), at)));
            firstEntry(incident, EnumSet.of(IncidentStatus.MONITORING))
                    .ifPresent(at -> toMonitoring.add(seconds(incident.openedAt(), at)));
            if (incident.resolvedAt() != null) {
                toResolve.add(seconds(incident.openedAt(), incident.resolvedAt()));
                if (incident.firstPostmortemAt() != null) {
                    toPostmortem.add(seconds(incident.resolvedAt(), incident.firstPostmortemAt()));
                }
            }
            timeInStatus(incident, now).forEach((status, spent) -> inStatus.get(status).add(spent));
        }
        Map<String, Durations> timeInStatus = new LinkedHashMap<>();
        inStatus.forEach((status, spent) -> timeInStatus.put(WireNames.of(status), Durations.of(spent)));
        return new PageAnalytics(from, to, zone.getId(), incidents.size(), byImpact, byComponent,
                Durations.of(toIdentify), Durations.of(toMonitoring), Durations.of(toResolve), Durations.of(toPostmortem),
                timeInStatus, components, weeks(from, to, zone, incidents), months(from, to, zone, incidents));
    }

    private static List<Week> weeks(Instant from, Instant to, ZoneId zone, List<IncidentFacts> incidents) {
        Map<LocalDate, Map<String, Integer>> weeks = new LinkedHashMap<>();
        LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate week = weekOf(from, zone); !week.isAfter(last); week = week.plusWeeks(1)) {
            Map<String, Integer> byImpact = new LinkedHashMap<>();
            for (Impact impact : Impact.values()) {
                byImpact.put(WireNames.of(impact), 0);
            }
            weeks.put(week, byImpact);
        }
        incidents.forEach(incident -> weeks.get(weekOf(incident.openedAt(), zone))
                .merge(WireNames.of(incident.impact()), 1, Integer::sum));
        return weeks.entrySet().stream().map(week -> new Week(week.getKey(), week.getValue())).toList();
    }

    private static LocalDate weekOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static List<Month> months(Instant from, Instant to, ZoneId zone, List<IncidentFacts> incidents) {
        Map<YearMonth, List<Long>> months = new LinkedHashMap<>();
        YearMonth last = YearMonth.from(to.minusNanos(1).atZone(zone));
        for (YearMonth month = YearMonth.from(from.atZone(zone)); !month.isAfter(last); month = month.plusMonths(1)) {
            months.put(month, new ArrayList<>());
        }
        incidents.stream().filter(incident -> incident.resolvedAt() != null)
                .forEach(incident -> months.get(YearMonth.from(incident.openedAt().atZone(zone)))
                        .add(seconds(incident.openedAt(), incident.resolvedAt())));
        return months.entrySet().stream().map(month -> new Month(month.getKey(), Durations.of(month.getValue())))
                .toList();
    }

    private static Optional<Instant> firstEntry(IncidentFacts incident, Set<IncidentStatus> statuses) {
        return incident.entries().stream().filter(entry -> statuses.contains(entry.status())).map(Entry::at)
                .findFirst();
    }

    /** The seconds the incident spent in each open status it had. */
    private static Map<IncidentStatus, Long> timeInStatus(IncidentFacts incident, Instant now) {
        Map<IncidentStatus, Long> spent = new EnumMap<>(IncidentStatus.class);
        List<Entry> entries = incident.entries();
        for (int i = 0; i < entries.size(); i++) {
            IncidentStatus status = entries.get(i).status();
            if (status == IncidentStatus.RESOLVED) {
                break;
            }
            Instant until = i + 1 < entries.size() ? entries.get(i + 1).at() : now;
            spent.merge(status, seconds(entries.get(i).at(), until), Long::sum);
        }
        return spent;
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }

    /**
     * The same figures as rows of {@code metric, dimension, statistic, value} (the dimension is an
     * impact, a component or a status, empty where there is none; a value is empty where the JSON
     * has null): what the CSV download holds.
     */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("period", "", "from", from.toString()));
        rows.add(List.of("period", "", "to", to.toString()));
        rows.add(List.of("incidents", "", "count", Integer.toString(incidents)));
        byImpact.forEach((impact, count) -> rows.add(List.of("by_impact", impact, "count", count.toString())));
        byComponent.forEach((component, count) -> rows.add(List.of("by_component", component, "count",
                count.toString())));
        durationRows(rows, "time_to_identify", "", timeToIdentify);
        durationRows(rows, "time_to_monitoring", "", timeToMonitoring);
        durationRows(rows, "time_to_resolve", "", timeToResolve);
        durationRows(rows, "time_to_postmortem", "", timeToPostmortem);
        timeInStatus.forEach((status, durations) -> durationRows(rows, "time_in_status", status, durations));
        for (ComponentFigures component : components) {
            rows.add(List.of("component", component.id(), "major_outage_seconds",
                    Long.toString(component.majorOutageSeconds())));
            rows.add(List.of("component", component.id(), "partial_outage_seconds",
                    Long.toString(component.partialOutageSeconds())));
            rows.add(List.of("component", component.id(), "uptime_percent", text(component.uptimePercent())));
        }
        incidentsPerWeek.forEach(week -> week.byImpact().forEach((impact, count) ->
                rows.add(List.of("incidents_per_week", week.week().toString(), impact, count.toString()))));
        timeToResolvePerMonth.forEach(month -> durationRows(rows, "time_to_resolve_per_month", month.month().toString(),
                month.timeToResolve()));
        return rows;
    }

    /** The same figures as CSV (RFC 4180): a header row, then {@link #rows()}. */
    public String csv() {
        StringBuilder csv = new StringBuilder("metric,dimension,statistic,value\r\n");
        rows().forEach(row -> csv.append(String.join(",", row.stream().map(PageAnalytics::field).toList()))
                .append("\r\n"));
        return csv.toString();
    }

    /** The name of the CSV file of these figures, for a download. */
    public String csvFileName(String pageId) {
        return pageId + "-analytics-" + from.toString().substring(0, 10) + "-to-" + to.toString().substring(0, 10)
                + ".csv";
    }

    /** A CSV field: quoted when it holds a comma, a quote or a line break. */
    private static String field(String value) {
        return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void durationRows(List<List<String>> rows, String metric, String dimension, Durations durations) {
        rows.add(List.of(metric, dimension, "count", Integer.toString(durations.count())));
        rows.add(List.of(metric, dimension, "mean", text(durations.mean())));
        rows.add(List.of(metric, dimension, "p50", text(durations.p50())));
        rows.add(List.of(metric, dimension, "p90", text(durations.p90())));
        rows.add(List.of(metric, dimension, "max", text(durations.max())));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
