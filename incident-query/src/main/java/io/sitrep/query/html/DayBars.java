package io.sitrep.query.html;

import io.sitrep.events.Impact;
import io.sitrep.query.display.PageTimes;
import io.sitrep.query.html.PageModels.DayCell;
import io.sitrep.query.readmodel.ComponentView;
import io.sitrep.query.readmodel.IncidentView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 90 day cells under each component, oldest first, ending today in the page's zone.
 *
 * <p>Until the uptime read model exists, a cell says only what the incidents tell: a day on which an
 * incident that named the component was open takes the colour of the worst such incident's impact
 * and lists their titles; a later day without one is "no incidents recorded". Components change
 * status only through incidents, so that much is known. Days before the component's first day (its
 * creation or its earliest incident, whichever is earlier), or older than the incidents that were
 * loaded, are "no data". No percentages: those come with the uptime read model.
 */
final class DayBars {

    static final int DAYS = 90;

    /** A component's bar and the sentence a screen reader gets for it. */
    record Bar(List<DayCell> days, String summary) {
    }

    private final PageTimes times;
    private final LocalDate today;
    private final Instant now;
    private final Instant knownFrom;
    private final Map<String, List<IncidentView>> byComponent = new HashMap<>();

    /**
     * @param incidents the page's incidents, at least those open at some time in the last {@link #DAYS}
     * @param knownFrom the instant before which not every incident was loaded; null when all were
     */
    DayBars(PageTimes times, Instant now, List<IncidentView> incidents, Instant knownFrom) {
        this.times = times;
        this.now = now;
        this.today = times.dayOf(now);
        this.knownFrom = knownFrom;
        for (IncidentView incident : incidents) {
            for (ComponentView component : incident.components()) {
                byComponent.computeIfAbsent(component.id(), id -> new ArrayList<>()).add(incident);
            }
        }
    }

    Bar bar(ComponentView component) {
        List<IncidentView> incidents = byComponent.getOrDefault(component.id(), List.of());
        LocalDate firstDay = times.dayOf(component.createdAt());
        for (IncidentView incident : incidents) {
            LocalDate opened = times.dayOf(incident.createdAt());
            if (opened.isBefore(firstDay)) {
                firstDay = opened;
            }
        }
        List<DayCell> days = new ArrayList<>(DAYS);
        int daysWithIncidents = 0;
        for (int back = DAYS - 1; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            Instant start = times.startOf(day);
            Instant end = times.startOf(day.plusDays(1));
            String heading = times.day(day);
            if (day.isBefore(firstDay) || (knownFrom != null && !end.isAfter(knownFrom))) {
                days.add(new DayCell("nodata", heading + ": no data"));
                continue;
            }
            Impact worst = Impact.NONE;
            Set<String> titles = new LinkedHashSet<>();
            for (IncidentView incident : incidents) {
                Instant until = incident.resolvedAt() == null ? now : incident.resolvedAt();
                if (incident.createdAt().isBefore(end) && !until.isBefore(start)) {
                    titles.add(incident.title());
                    worst = incident.impact().compareTo(worst) > 0 ? incident.impact() : worst;
                }
            }
            if (titles.isEmpty()) {
                days.add(new DayCell("ok", heading + ": no incidents recorded"));
            } else {
                daysWithIncidents++;
                days.add(new DayCell(dayTone(worst), heading + ": " + String.join("; ", titles)));
            }
        }
        String summary = "Last " + DAYS + " days of " + component.name() + ": " + (daysWithIncidents == 0
                ? "no incidents recorded" : "incidents on " + daysWithIncidents
                + (daysWithIncidents == 1 ? " day" : " days"));
        return new Bar(List.copyOf(days), summary);
    }

    /**
     * A day's tone: its worst incident's impact (impacts are declared from none to critical). An
     * incident without impact leaves its days green; the tooltip still names it.
     */
    private static String dayTone(Impact worst) {
        return worst == Impact.NONE ? "ok" : Wording.impactTone(worst);
    }
}
