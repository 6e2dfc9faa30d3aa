package io.sitrep.query.statuspage;

import io.sitrep.query.display.ComponentGroups;
import io.sitrep.query.display.PageStatus;
import io.sitrep.query.display.Severity;
import io.sitrep.query.links.PageLinks;
import io.sitrep.query.readmodel.ComponentView;
import io.sitrep.query.readmodel.IncidentView;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.UpdateView;
import io.sitrep.query.readmodel.WireNames;
import io.sitrep.query.statuspage.StatuspageJson.Component;
import io.sitrep.query.statuspage.StatuspageJson.Incident;
import io.sitrep.query.statuspage.StatuspageJson.IncidentUpdate;
import io.sitrep.query.statuspage.StatuspageJson.Page;
import io.sitrep.support.Sha256;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One page's read models as Statuspage's JSON, every time in the page's zone.
 *
 * <p>Statuspage has no group names: a group is a component with {@code group} true. So each of our
 * group names becomes such a component, with an id derived from the page and the name, placed just
 * before its first member with its members right after it, and the status of its worst member.
 * Positions count from 1 in that order, so that sorting by position shows every group together.
 */
final class StatuspageMapping {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final PageView page;
    private final ZoneId zone;
    private final PageLinks links;
    private final List<ComponentView> componentViews;
    private final List<IncidentView> recent;
    private final List<IncidentView> unresolved;
    private final List<Component> components;
    private final Map<String, Component> componentsById;

    /**
     * @param recent     the page's latest incidents, newest first
     * @param unresolved the page's unresolved incidents, newest first
     */
    StatuspageMapping(PageView page, List<ComponentView> components, List<IncidentView> recent,
                      List<IncidentView> unresolved, PageLinks links) {
        this.page = page;
        this.zone = ZoneId.of(page.timeZone());
        this.links = links;
        this.componentViews = components;
        this.recent = recent;
        this.unresolved = unresolved;
        this.components = inDisplayOrder(components);
        // Incidents name components, never groups (whose ids a component could even share).
        this.componentsById = this.components.stream().filter(component -> !component.group())
                .collect(Collectors.toMap(Component::id, Function.identity()));
    }

    /** The page, last updated when it, a component or an incident last changed. */
    Page page() {
        return new Page(page.id(), page.name(), links.page(), page.timeZone(), time(page.updatedAt()));
    }

    PageStatus status() {
        return PageStatus.of(unresolved, componentViews);
    }

    /** The components and their groups, in display order. */
    List<Component> components() {
        return components;
    }

    List<Incident> recentIncidents() {
        return recent.stream().map(this::incident).toList();
    }

    List<Incident> unresolvedIncidents() {
        return unresolved.stream().map(this::incident).toList();
    }

    /**
     * An incident; its {@code status} is {@code postmortem} once one is published, and its
     * {@code components} are the components it named, as they stand now (as in Statuspage).
     */
    Incident incident(IncidentView incident) {
        return new Incident(incident.id(), incident.pageId(), incident.title(),
                incident.postmortem() != null ? "postmortem" : WireNames.of(incident.status()),
                WireNames.of(incident.impact()),
                time(incident.createdAt()), time(incident.updatedAt()), time(incident.monitoringAt()),
                time(incident.resolvedAt()), time(incident.createdAt()), links.incident(incident.id()),
                incident.updates().stream().map(update -> update(incident.id(), update)).toList(),
                incident.components().stream().map(named -> componentsById.get(named.id()))
                        .filter(Objects::nonNull).toList());
    }

    /** An entry: shown at {@code occurredAt}, recorded (and never changed since) at {@code recordedAt}. */
    private IncidentUpdate update(String incidentId, UpdateView update) {
        return new IncidentUpdate(update.id(), incidentId, WireNames.of(update.status()), update.message(),
                time(update.occurredAt()), time(update.recordedAt()), time(update.recordedAt()), null);
    }

    private List<Component> inDisplayOrder(List<ComponentView> views) {
        List<Component> ordered = new ArrayList<>();
        for (ComponentGroups.Block block : ComponentGroups.of(views)) {
            if (block.group() == null) {
                ordered.add(component(block.members().get(0), null, ordered.size() + 1));
            } else {
                String groupId = groupId(page.id(), block.group());
                ordered.add(group(groupId, block.group(), block.members(), ordered.size() + 1));
                block.members().forEach(member -> ordered.add(component(member, groupId, ordered.size() + 1)));
            }
        }
        return List.copyOf(ordered);
    }

    private Component component(ComponentView view, String groupId, int position) {
        return new Component(view.id(), page.id(), groupId, view.name(), null, position, WireNames.of(view.status()),
                true, false,
                startDate(view.createdAt()), false, time(view.createdAt()), time(view.updatedAt()), null);
    }

    private Component group(String id, String name, List<ComponentView> members, int position) {
        String worst = WireNames.of(Severity.worst(members.stream().map(ComponentView::status).toList()));
        Instant createdAt = members.stream().map(ComponentView::createdAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant updatedAt = members.stream().map(ComponentView::updatedAt).max(Comparator.naturalOrder()).orElseThrow();
        return new Component(id, page.id(), null, name, null, position, worst, true, false, startDate(createdAt), true,
                time(createdAt), time(updatedAt), members.stream().map(ComponentView::id).toList());
    }

    /** A group's id: the same for the same page and group name, 12 hex digits like Statuspage's ids. */
    static String groupId(String pageId, String groupName) {
        return Sha256.hex(pageId + "/" + groupName).substring(0, 12);
    }

    /** Like Statuspage: {@code 2024-11-25T08:23:00.000-08:00}, in the page's zone; null stays null. */
    String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(zone));
    }

    private String startDate(Instant createdAt) {
        return createdAt.atZone(zone).toLocalDate().toString();
    }
}
