package io.sitrep.command.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sitrep.command.CommandRejected;
import io.sitrep.command.Versions;
import io.sitrep.command.incident.IncidentCommands.IncidentWritten;
import io.sitrep.command.incident.IncidentCommands.OpenIncident;
import io.sitrep.command.incident.IncidentCommands.PostUpdate;
import io.sitrep.command.incident.IncidentCommands.PublishPostmortem;
import io.sitrep.command.incident.IncidentCommands.ResolveIncident;
import io.sitrep.command.incident.IncidentCommands.StartMonitoring;
import io.sitrep.command.page.PageCatalog;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.MonitoringStarted;
import io.sitrep.events.IncidentEvent.PostmortemPublished;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An incident and its lifecycle: investigating ⇄ identified → monitoring → resolved, then
 * postmortems. Every rule of the lifecycle is checked here, in this order: the If-Match version,
 * the transition, then what the command says against what is stored.
 *
 * <p>Recently written incidents are kept in memory between commands (the {@code incidentCache}).
 * An incident may hold a thousand entries, so it is also snapshotted every
 * {@value io.sitrep.command.config.EventStoreConfig#SNAPSHOT_EVERY} events rather than replayed
 * from its first event on every command. The snapshot is this object's fields as JSON: bump the
 * {@link Revision} whenever they change, and older snapshots are ignored.
 */
@Aggregate(snapshotTriggerDefinition = "incidentSnapshotTrigger", cache = "incidentCache")
@Revision("1")
public class Incident {

    static final int MAX_ENTRIES = 1_000;
    static final int MAX_COMPONENTS = 100;
    static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(60);

    @AggregateIdentifier
    private String incidentId;
    private String pageId;
    private String title;
    private Impact impact;
    private IncidentStatus status;
    private Instant lastOccurredAt;
    private int entries;
    /** Every component the incident named, with the status it last gave it. */
    private final Map<String, ComponentStatus> components = new LinkedHashMap<>();

    protected Incident() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public IncidentWritten handle(OpenIncident command, PageCatalog pages, Clock clock) {
        Set<String> pageComponents = pages.componentsOf(command.pageId())
                .orElseThrow(() -> CommandRejected.noSuchPage(command.pageId()));
        requireKnownComponents(command.components(), pageComponents, command.pageId());
        requireComponentLimit(command.components().keySet());
        apply(new IncidentOpened(command.incidentId(), command.pageId(), command.updateId(), command.title(),
                command.impact(), command.status().status(), command.message(), command.components(),
                occurredAt(command.occurredAt(), clock)));
        return written();
    }

    @CommandHandler
    public IncidentWritten handle(PostUpdate command, PageCatalog pages, Clock clock) {
        requireVersion(command.expectedVersion());
        requireUnresolved("post an update");
        requireEntryLimit();
        requireComponents(command.components(), pages);
        IncidentStatus next = command.status() == null ? status : command.status().status();
        apply(new UpdatePosted(incidentId, pageId, command.updateId(), title, impact,
                command.status() == null ? null : next, next, command.message(), command.components(),
                occurredAt(command.occurredAt(), clock)));
        return written();
    }

    @CommandHandler
    public IncidentWritten handle(StartMonitoring command, PageCatalog pages, Clock clock) {
        requireVersion(command.expectedVersion());
        requireUnresolved("mark it monitoring");
        if (status == IncidentStatus.MONITORING) {
            throw CommandRejected.illegalTransition("incident " + incidentId + " is already monitoring");
        }
        requireEntryLimit();
        requireComponents(command.components(), pages);
        apply(new MonitoringStarted(incidentId, pageId, command.updateId(), title, impact, command.message(),
                command.components(), occurredAt(command.occurredAt(), clock)));
        return written();
    }

    /** Resolves the incident; every component it named but this command does not is operational again. */
    @CommandHandler
    public IncidentWritten handle(ResolveIncident command, PageCatalog pages, Clock clock) {
        requireVersion(command.expectedVersion());
        requireUnresolved("resolve it again");
        requireEntryLimit();
        requireComponents(command.components(), pages);
        Map<String, ComponentStatus> finalStatuses = new LinkedHashMap<>();
        components.keySet().forEach(id -> finalStatuses.put(id, ComponentStatus.OPERATIONAL));
        finalStatuses.putAll(command.components());
        apply(new IncidentResolved(incidentId, pageId, command.updateId(), title, impact, command.message(),
                finalStatuses, occurredAt(command.occurredAt(), clock)));
        return written();
    }

    /** Publishes the postmortem, or revises it: only a resolved incident has one. */
    @CommandHandler
    public IncidentWritten handle(PublishPostmortem command, Clock clock) {
        requireVersion(command.expectedVersion());
        if (status != IncidentStatus.RESOLVED) {
            throw CommandRejected.illegalTransition(
                    "incident " + incidentId + " is " + status.name().toLowerCase(Locale.ROOT)
                            + "; a postmortem can only follow its resolution");
        }
        apply(new PostmortemPublished(incidentId, pageId, title, impact, command.body(),
                occurredAt(command.occurredAt(), clock)));
        return written();
    }

    @EventSourcingHandler
    void on(IncidentOpened event) {
        incidentId = event.incidentId();
        pageId = event.pageId();
        title = event.title();
        impact = event.impact();
        status = event.status();
        entry(event.components(), event.occurredAt());
    }

    @EventSourcingHandler
    void on(UpdatePosted event) {
        status = event.incidentStatus();
        entry(event.components(), event.occurredAt());
    }

    @EventSourcingHandler
    void on(MonitoringStarted event) {
        status = IncidentStatus.MONITORING;
        entry(event.components(), event.occurredAt());
    }

    @EventSourcingHandler
    void on(IncidentResolved event) {
        status = IncidentStatus.RESOLVED;
        entry(event.components(), event.occurredAt());
    }

    @EventSourcingHandler
    void on(PostmortemPublished event) {
        lastOccurredAt = event.occurredAt();
    }

    private void entry(Map<String, ComponentStatus> named, Instant occurredAt) {
        components.putAll(named);
        lastOccurredAt = occurredAt;
        entries++;
    }

    /** The incident's public version: 1 once opened. */
    private static long version() {
        return Versions.afterSequenceNumber(AggregateLifecycle.getVersion());
    }

    private IncidentWritten written() {
        return new IncidentWritten(incidentId, version());
    }

    private void requireVersion(Long expected) {
        long current = version();
        if (expected != null && expected != current) {
            throw CommandRejected.staleVersion(expected, current);
        }
    }

    private void requireUnresolved(String attempt) {
        if (status == IncidentStatus.RESOLVED) {
            throw CommandRejected.illegalTransition("incident " + incidentId + " is resolved: cannot " + attempt
                    + "; only a postmortem can be published now");
        }
    }

    private void requireEntryLimit() {
        if (entries >= MAX_ENTRIES) {
            throw CommandRejected.contradictsState(null,
                    "incident " + incidentId + " already has " + MAX_ENTRIES + " updates, the most it can hold");
        }
    }

    private void requireComponents(Map<String, ComponentStatus> named, PageCatalog pages) {
        if (named.isEmpty()) {
            return;
        }
        Set<String> pageComponents = pages.componentsOf(pageId).orElseThrow();
        requireKnownComponents(named, pageComponents, pageId);
        Set<String> all = new LinkedHashSet<>(components.keySet());
        all.addAll(named.keySet());
        requireComponentLimit(all);
    }

    private static void requireKnownComponents(Map<String, ComponentStatus> named, Set<String> pageComponents,
                                               String pageId) {
        for (String componentId : named.keySet()) {
            if (!pageComponents.contains(componentId)) {
                throw CommandRejected.contradictsState("components." + componentId,
                        "page " + pageId + " has no component " + componentId);
            }
        }
    }

    private static void requireComponentLimit(Set<String> componentIds) {
        if (componentIds.size() > MAX_COMPONENTS) {
            throw CommandRejected.contradictsState("components",
                    "an incident can name at most " + MAX_COMPONENTS + " components; this one would name "
                            + componentIds.size());
        }
    }

    /**
     * When the entry happened: the command's time if it gives one, else now, but never before the
     * previous entry (an entry backdated into the last minute may lie ahead of now).
     */
    private Instant occurredAt(Instant requested, Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (requested == null) {
            return lastOccurredAt != null && lastOccurredAt.isAfter(now) ? lastOccurredAt : now;
        }
        if (requested.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw CommandRejected.contradictsState("occurredAt",
                    "occurredAt " + requested + " lies more than 60 s in the future (now is " + now + ")");
        }
        if (lastOccurredAt != null && requested.isBefore(lastOccurredAt)) {
            throw CommandRejected.contradictsState("occurredAt", "occurredAt " + requested
                    + " is earlier than the incident's previous entry at " + lastOccurredAt);
        }
        return requested;
    }
}
