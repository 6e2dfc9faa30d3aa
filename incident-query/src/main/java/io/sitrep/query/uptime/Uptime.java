package io.sitrep.query.uptime;

import io.sitrep.query.readmodel.PageView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Components' uptime, from their status history: day by day (the uptime call, the status page's
 * bars) and over a period (analytics, the bars' percentage). A second of major outage counts as
 * down, a second of partial outage with {@code sitrep.uptime.partial-outage-weight}.
 */
@Component
public class Uptime {

    private final UptimeHistory history;
    private final double partialOutageWeight;

    Uptime(UptimeHistory history, @Value("${sitrep.uptime.partial-outage-weight}") double partialOutageWeight) {
        this.history = history;
        this.partialOutageWeight = partialOutageWeight;
    }

    /**
     * A component's days, oldest first, its figures over them (empty without data in them), and the
     * titles of the incidents the days name, by id.
     */
    public record Window(List<UptimeDays.Day> days, Optional<UptimeDays.Figures> overall,
                         Map<String, String> titles) {
    }

    /** The component's last {@code days} days ending today in the page's zone; empty when it does not exist. */
    public Optional<Window> window(PageView page, String componentId, int days, Instant now) {
        ZoneId zone = ZoneId.of(page.timeZone());
        Instant from = LocalDate.ofInstant(now, zone).minusDays(days - 1L).atStartOfDay(zone).toInstant();
        return history.firstData(page.id(), componentId).map(first -> {
            List<UptimeDays.Change> changes = history.changes(page.id(), componentId, from);
            List<UptimeDays.Span> incidents = history.incidents(page.id(), componentId, from, now);
            return new Window(UptimeDays.of(zone, now, days, LocalDate.ofInstant(first, zone), partialOutageWeight,
                    changes, incidents), figures(changes, first, from, now, now),
                    incidents.stream().collect(Collectors.toMap(UptimeDays.Span::incidentId, UptimeDays.Span::title)));
        });
    }

    /**
     * The component's figures over [from, to), counted from its first data on and until now at the
     * latest; empty when it has no data in that time.
     */
    public Optional<UptimeDays.Figures> over(String pageId, String componentId, Instant from, Instant to,
                                             Instant now) {
        return history.firstData(pageId, componentId).flatMap(first ->
                figures(history.changes(pageId, componentId, from), first, from, to, now));
    }

    /** The figures from the first data or {@code from}, whichever is later, to {@code to} or now. */
    private Optional<UptimeDays.Figures> figures(List<UptimeDays.Change> changes, Instant first, Instant from,
                                                 Instant to, Instant now) {
        Instant start = first.isAfter(from) ? first : from;
        Instant until = to.isAfter(now) ? now : to;
        return start.isBefore(until)
                ? Optional.of(UptimeDays.figures(changes, start, until, now, partialOutageWeight))
                : Optional.empty();
    }
}
