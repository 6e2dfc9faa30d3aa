package io.sitrep.query.html;

import io.sitrep.events.ComponentStatus;
import io.sitrep.query.display.ComponentGroups;
import io.sitrep.query.display.PageStatus;
import io.sitrep.query.display.PageTimes;
import io.sitrep.query.display.Severity;
import io.sitrep.query.html.PageModels.ComponentBlock;
import io.sitrep.query.html.PageModels.ComponentRow;
import io.sitrep.query.html.PageModels.Entry;
import io.sitrep.query.html.PageModels.History;
import io.sitrep.query.html.PageModels.IncidentCard;
import io.sitrep.query.html.PageModels.IncidentReport;
import io.sitrep.query.html.PageModels.Page;
import io.sitrep.query.html.PageModels.Section;
import io.sitrep.query.html.PageModels.StatusPage;
import io.sitrep.query.readmodel.ComponentView;
import io.sitrep.query.readmodel.IncidentList;
import io.sitrep.query.readmodel.IncidentView;
import io.sitrep.query.readmodel.NotFound;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.PastViews;
import io.sitrep.query.readmodel.PastViews.Basis;
import io.sitrep.query.readmodel.PastViews.Moment;
import io.sitrep.query.readmodel.ReadModel;
import io.sitrep.query.readmodel.ReadModel.Filter;
import io.sitrep.query.readmodel.UpdateView;
import io.sitrep.query.uptime.Uptime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Builds what the HTML pages show from the read models. */
@Component
class StatusPages {

    /** Past incidents on the status page: the last 14 days, and at least the last 10 incidents. */
    static final int RECENT_DAYS = 14;
    static final int RECENT_AT_LEAST = 10;
    static final int HISTORY_PAGE_SIZE = 25;

    /** Incidents are read this many at a time for the recent history, up to a bound on what one view costs. */
    private static final int BATCH = 100;
    private static final int MAX_BATCHES = 10;

    private final ReadModel readModel;
    private final PastViews past;
    private final Uptime uptime;
    private final Markdown markdown = new Markdown();
    private final Clock clock;

    StatusPages(ReadModel readModel, PastViews past, Uptime uptime, ObjectProvider<Clock> clock) {
        this.readModel = readModel;
        this.past = past;
        this.uptime = uptime;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The status page now, or as it stood (or showed) at a moment: then without bars or past incidents. */
    StatusPage statusPage(String pageId, Optional<Moment> moment) {
        PageView page = page(pageId);
        PageTimes times = PageTimes.in(page.timeZone());
        if (moment.isPresent()) {
            return pastStatusPage(page, times, moment.get());
        }
        Instant now = clock.instant();
        List<ComponentView> components = readModel.components(pageId);
        List<IncidentView> unresolved = readModel.unresolved(pageId);
        PageStatus status = PageStatus.of(unresolved, components);

        LocalDate today = times.dayOf(now);
        Function<ComponentView, DayBars.Bar> bars = component -> DayBars.of(component.name(), times,
                uptime.window(page, component.id(), DayBars.DAYS, now).orElseThrow());
        List<IncidentView> recent = loadSince(pageId, times.startOf(today.minusDays(RECENT_DAYS - 1L)), unresolved);

        return new StatusPage(page(page), status.description(), Wording.indicatorTone(status.indicator()),
                unresolved.stream().map(i -> card(i, times)).toList(), blocks(components, bars),
                recent(recent, times, today), null);
    }

    private StatusPage pastStatusPage(PageView page, PageTimes times, Moment moment) {
        PastViews.requireRecorded(page, moment);
        List<ComponentView> components = past.components(page.id(), moment);
        List<IncidentView> unresolved = past.unresolved(page.id(), moment);
        PageStatus status = PageStatus.of(unresolved, components);
        return new StatusPage(page(page), status.description(), Wording.indicatorTone(status.indicator()),
                unresolved.stream().map(i -> card(i, times)).toList(),
                blocks(components, component -> new DayBars.Bar(List.of(), null, null)), List.of(),
                pastNotice(moment, times));
    }

    /** "As of Nov 25, 2024 - 09:00 PST" (by when things happened), "As shown at ..." (what was recorded). */
    private static String pastNotice(Moment moment, PageTimes times) {
        return (moment.basis() == Basis.OCCURRED ? "As of " : "As shown at ") + times.timestamp(moment.at());
    }

    History history(String pageId, String cursor) {
        PageView page = page(pageId);
        PageTimes times = PageTimes.in(page.timeZone());
        IncidentList list = readModel.list(pageId, Filter.ALL, HISTORY_PAGE_SIZE, cursor);
        Map<YearMonth, List<IncidentCard>> byMonth = new LinkedHashMap<>();
        for (IncidentView incident : list.items()) {
            byMonth.computeIfAbsent(times.monthOf(incident.createdAt()), m -> new ArrayList<>())
                    .add(card(incident, times));
        }
        List<Section> months = new ArrayList<>();
        byMonth.forEach((month, cards) -> months.add(new Section(times.month(month), month.toString(),
                false, List.copyOf(cards))));
        return new History(page(page), List.copyOf(months), list.nextCursor(), cursor == null);
    }

    /** The incident report now, or as it stood (or showed) at a moment. */
    IncidentReport incident(String pageId, String incidentId, Optional<Moment> moment) {
        PageView page = page(pageId);
        IncidentView incident = moment.map(at -> past.incident(incidentId, at))
                .orElseGet(() -> readModel.incident(incidentId))
                .filter(found -> found.pageId().equals(pageId))
                .orElseThrow(() -> new NotFound("incident " + incidentId + " does not exist on page " + pageId));
        PageTimes times = PageTimes.in(page.timeZone());
        String postmortemHtml = null;
        Entry postmortem = null;
        if (incident.postmortem() != null) {
            postmortemHtml = markdown.toSafeHtml(incident.postmortem().body());
            postmortem = new Entry("Postmortem", incident.postmortem().body(),
                    times.timestamp(incident.postmortem().publishedAt()), incident.postmortem().publishedAt());
        }
        return new IncidentReport(page(page), incident.id(), incident.title(), Wording.impactTone(incident.impact()),
                Wording.impactLabel(incident.impact()), postmortemHtml, postmortem,
                incident.updates().stream().map(u -> entry(u, times)).toList(),
                AffectedComponents.sentence(incident.components()).orElse(null),
                moment.map(at -> pastNotice(at, times)).orElse(null));
    }

    /** The page, for a view that names a page that exists. */
    PageView page(String pageId) {
        return readModel.page(pageId).orElseThrow(() -> NotFound.page(pageId));
    }

    static Page page(PageView page) {
        return new Page(page.id(), page.name());
    }

    /** Components in position order, a group where its first member stands, ungrouped ones alone. */
    private static List<ComponentBlock> blocks(List<ComponentView> components,
                                               Function<ComponentView, DayBars.Bar> bars) {
        List<ComponentBlock> result = new ArrayList<>();
        for (ComponentGroups.Block block : ComponentGroups.of(components)) {
            List<ComponentRow> rows = new ArrayList<>();
            for (ComponentView member : block.members()) {
                DayBars.Bar bar = bars.apply(member);
                rows.add(new ComponentRow(member.id(), member.name(), Wording.componentLabel(member.status()),
                        Wording.componentTone(member.status()), bar.days(), bar.uptime(), bar.summary()));
            }
            ComponentStatus worst = Severity.worst(block.members().stream().map(ComponentView::status).toList());
            result.add(new ComponentBlock(block.group(), Wording.componentLabel(worst), Wording.componentTone(worst),
                    List.copyOf(rows)));
        }
        return List.copyOf(result);
    }

    /**
     * Past incidents by the day they were opened: every one of the last {@link #RECENT_DAYS} days
     * (an empty one says so), and older days too when that makes fewer than
     * {@link #RECENT_AT_LEAST} incidents.
     */
    private static List<Section> recent(List<IncidentView> newestFirst, PageTimes times, LocalDate today) {
        LocalDate firstDay = today.minusDays(RECENT_DAYS - 1L);
        Instant since = times.startOf(firstDay);
        Map<LocalDate, List<IncidentCard>> byDay = new TreeMap<>(Comparator.reverseOrder());
        for (LocalDate day = today; !day.isBefore(firstDay); day = day.minusDays(1)) {
            byDay.put(day, new ArrayList<>());
        }
        int shown = 0;
        for (IncidentView incident : newestFirst) {
            if (incident.createdAt().isBefore(since) && shown >= RECENT_AT_LEAST) {
                break;
            }
            LocalDate day = times.dayOf(incident.createdAt());
            byDay.computeIfAbsent(day.isAfter(today) ? today : day, d -> new ArrayList<>()).add(card(incident, times));
            shown++;
        }
        List<Section> sections = new ArrayList<>();
        byDay.forEach((day, cards) -> sections.add(new Section(times.day(day), day.toString(),
                day.equals(today), List.copyOf(cards))));
        return List.copyOf(sections);
    }

    static IncidentCard card(IncidentView incident, PageTimes times) {
        Entry latest = incident.updates().isEmpty() ? null : entry(incident.updates().get(0), times);
        return new IncidentCard(incident.id(), incident.title(), Wording.impactLabel(incident.impact()),
                Wording.impactTone(incident.impact()), incident.resolved(), latest, times.span(incident.createdAt(), incident.resolvedAt()),
                AffectedComponents.sentence(incident.components()).orElse(null));
    }

    static Entry entry(UpdateView update, PageTimes times) {
        return new Entry(update.label(), update.message(), times.timestamp(update.occurredAt()), update.occurredAt());
    }

    /**
     * The incidents the recent history needs, newest first: the page's
     * incidents opened since {@code since}, at most {@value #MAX_BATCHES} batches of them, and the
     * unresolved ones whenever they were opened.
     */
    private List<IncidentView> loadSince(String pageId, Instant since, List<IncidentView> unresolved) {
        List<IncidentView> incidents = new ArrayList<>();
        String cursor = null;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            IncidentList list = readModel.list(pageId, Filter.ALL, BATCH, cursor);
            incidents.addAll(list.items());
            if (list.nextCursor() == null) {
                break;
            }
            Instant oldest = list.items().get(list.items().size() - 1).createdAt();
            if (oldest.isBefore(since)) {
                break;
            }
            cursor = list.nextCursor();
        }
        Set<String> loaded = incidents.stream().map(IncidentView::id).collect(Collectors.toSet());
        for (IncidentView open : unresolved) {
            if (!loaded.contains(open.id())) {
                incidents.add(open);
            }
        }
        incidents.sort(Comparator.comparing(IncidentView::createdAt).thenComparing(IncidentView::id).reversed());
        return List.copyOf(incidents);
    }
}
