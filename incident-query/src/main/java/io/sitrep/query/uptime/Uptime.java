package io.sitrep.query.uptime;

import io.sitrep.query.readmodel.PageView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
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

    /** The component's last {@code days} days ending today in the page's zone; empty when it does not exist. */
    public Optional<List<UptimeDays.Day>> days(PageView page, String componentId, int days, Instant now) {
        ZoneId zone = ZoneId.of(page.timeZone());
        Instant from = LocalDate.ofInstant(now, zone).minusDays(days - 1L).atStartOfDay(zone).toInstant();
        return history.firstData(page.id(), componentId).map(first -> UptimeDays.of(zone, now, days,
                LocalDate.ofInstant(first, zone), partialOutageWeight, history.changes(page.id(), componentId, from),
                history.incidents(page.id(), componentId, from, now)));
    }

    /**
     * The component's figures over [from, to), counted from its first data on and until now at the
     * latest; empty when it has no data in that time.
     */
    public Optional<UptimeDays.Figures> over(String pageId, String componentId, Instant from, Instant to,
                                             Instant now) {
        Optional<Instant> first = history.firstData(pageId, componentId);
        Instant start = first.filter(instant -> instant.isAfter(from)).orElse(from);
        Instant until = to.isAfter(now) ? now : to;
        if (first.isEmpty() || !start.isBefore(until)) {
            return Optional.empty();
        }
        return Optional.of(UptimeDays.figures(history.changes(pageId, componentId, start), start, until, now,
                partialOutageWeight));
    }
}
