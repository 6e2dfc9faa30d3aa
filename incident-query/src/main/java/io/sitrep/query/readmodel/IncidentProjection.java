package io.sitrep.query.readmodel;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.EventEnvelope;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.MonitoringStarted;
import io.sitrep.events.IncidentEvent.PostmortemPublished;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import io.sitrep.query.pagecache.PageChanges;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds incident events into the incident, entry and component rows. Each event is one statement,
 * and a run of events of the same kind goes to PostgreSQL as one JDBC batch ({@link Batch}), in
 * the order of the stream.
 */
@Component
class IncidentProjection {

    // One statement per kind of incident event, built once: the same string for a whole run of events.
    private static final String OPEN = withEntry("""
            insert into incident (incident_id, page_id, title, impact, status, created_at, updated_at, monitoring_at,
                                  recorded_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (incident_id) do nothing""");
    private static final String POST_UPDATE = withEntry(advance("status = ?, updated_at = ?"));
    private static final String START_MONITORING =
            withEntry(advance("status = 'monitoring', updated_at = ?, monitoring_at = ?"));
    private static final String RESOLVE =
            withEntry(advance("status = 'resolved', updated_at = ?, resolved_at = ?, resolved_recorded_at = ?"));
    private static final String PUBLISH_POSTMORTEM = advance("postmortem_body = ?, postmortem_at = ?, "
            + "first_postmortem_at = coalesce(first_postmortem_at, ?), "
            + "first_postmortem_recorded_at = coalesce(first_postmortem_recorded_at, ?), updated_at = ?");

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final PageChanges changes;

    IncidentProjection(JdbcClient jdbc, JdbcTemplate batches, PageChanges changes) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.changes = changes;
    }

    /** A batch for one transaction's run of incident events. */
    Batch batch() {
        return new Batch();
    }

    /** A statement and its parameters. */
    private record Statement(String sql, Object[] params) {
    }

    /**
     * The statement that applies an incident event. It changes the incident's row only if the event
     * is new to it (an opening not yet seen, a move to a newer version); but for a postmortem, it
     * then adds the entry and sets the statuses of the components the entry names, all in the same
     * statement, which counts one row when the event applied.
     */
    private static Statement statement(IncidentEvent event, EventEnvelope envelope) {
        Timestamp occurredAt = at(event.occurredAt());
        if (event instanceof IncidentOpened opened) {
            return withEntry(OPEN, event, envelope,
                    Arrays.asList(opened.incidentId(), opened.pageId(), opened.title(), WireNames.of(opened.impact()),
                            WireNames.of(opened.status()), occurredAt, occurredAt,
                            opened.status() == IncidentStatus.MONITORING ? occurredAt : null,
                            at(envelope.recordedAt()), envelope.sequence()),
                    new Entry(opened.updateId(), opened.status(), WireNames.label(opened.status()), opened.message(),
                            opened.components()));
        }
        if (event instanceof UpdatePosted posted) {
            return withEntry(POST_UPDATE, event, envelope,
                    advanceParams(event, envelope, WireNames.of(posted.incidentStatus()), occurredAt),
                    new Entry(posted.updateId(), posted.incidentStatus(),
                            posted.status() == null ? "Update" : WireNames.label(posted.status()), posted.message(),
                            posted.components()));
        }
        if (event instanceof MonitoringStarted monitoring) {
            return withEntry(START_MONITORING, event, envelope, advanceParams(event, envelope, occurredAt, occurredAt),
                    new Entry(monitoring.updateId(), IncidentStatus.MONITORING, WireNames.label(IncidentStatus.MONITORING),
                            monitoring.message(), monitoring.components()));
        }
        if (event instanceof IncidentResolved resolved) {
            return withEntry(RESOLVE, event, envelope,
                    advanceParams(event, envelope, occurredAt, occurredAt, at(envelope.recordedAt())),
                    new Entry(resolved.updateId(), IncidentStatus.RESOLVED, WireNames.label(IncidentStatus.RESOLVED),
                            resolved.message(), resolved.components()));
        }
        if (event instanceof PostmortemPublished postmortem) {
            return new Statement(PUBLISH_POSTMORTEM,
                    advanceParams(event, envelope, postmortem.body(), occurredAt, occurredAt,
                            at(envelope.recordedAt()), occurredAt).toArray());
        }
        throw Projector.unhandled(event);
    }

    /** An entry of an incident: one line of its report, and the component statuses it set. */
    private record Entry(String updateId, IncidentStatus status, String label, String message,
                         Map<String, ComponentStatus> components) {
    }

    /** Moves the incident's row to the event's version with these assignments, if it is below it. */
    private static String advance(String assignments) {
        return "update incident set " + assignments + ", version = ? where incident_id = ? and version < ?";
    }

    private static List<Object> advanceParams(IncidentEvent event, EventEnvelope envelope, Object... values) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(List.of(envelope.sequence(), event.incidentId(), envelope.sequence()));
        return params;
    }

    /**
     * The change and, if it took, the entry, every component the entry names with the status it
     * last gave it, the page's components' statuses, and the components' status history.
     */
    private static String withEntry(String change) {
        return "with changed as (" + change + " returning incident_id), " + """
                named (component_id, status) as (select * from unnest(?::text[], ?::text[])),
                incident_components as (
                    insert into incident_component (incident_id, component_id, status, first_named)
                    select incident_id, component_id, status, ? from changed, named
                    on conflict (incident_id, component_id) do update set status = excluded.status),
                page_components as (
                    update component set status = named.status, updated_at = ?
                    from changed, named
                    where component.page_id = ? and component.component_id = named.component_id),
                status_history as (
                    insert into component_status_change (page_id, component_id, incident_id, update_id, status,
                                                         occurred_at, recorded_at)
                    select ?, component_id, incident_id, ?, status, ?, ? from changed, named)
                insert into incident_update (update_id, incident_id, status, label, message, occurred_at, recorded_at,
                                             version)
                select ?, incident_id, ?, ?, ?, ?, ?, ? from changed""";
    }

    /** The parameters of a {@link #withEntry(String)} statement: the change's, then the entry's. */
    private static Statement withEntry(String sql, IncidentEvent event, EventEnvelope envelope,
                                       List<Object> changeParams, Entry entry) {
        List<Object> params = new ArrayList<>(changeParams);
        String[] componentIds = entry.components().keySet().toArray(String[]::new);
        String[] componentStatuses = entry.components().values().stream()
                .map(WireNames::of).toArray(String[]::new);
        params.addAll(Arrays.asList(componentIds, componentStatuses, envelope.sequence(), at(envelope.recordedAt()),
                event.pageId(),
                event.pageId(), entry.updateId(), at(event.occurredAt()), at(envelope.recordedAt()),
                entry.updateId(), WireNames.of(entry.status()), entry.label(), entry.message(),
                at(event.occurredAt()), at(envelope.recordedAt()), envelope.sequence()));
        return new Statement(sql, params.toArray());
    }

    /**
     * Consecutive incident events with the same statement, sent together. Run before the next
     * statement of another kind, so that the stream's order holds.
     */
    final class Batch {

        private String sql;
        private final List<Object[]> params = new ArrayList<>();
        private final List<IncidentEvent> events = new ArrayList<>();
        /** The latest entry applied on each page, by when it happened: its page's updated_at at the end. */
        private final Map<String, Instant> latest = new HashMap<>();

        /** Adds the event's statement; answers how many events applied in the batch this sent first. */
        int add(IncidentEvent event, EventEnvelope envelope) {
            Statement statement = statement(event, envelope);
            int applied = statement.sql().equals(sql) ? 0 : flush();
            sql = statement.sql();
            params.add(statement.params());
            events.add(event);
            return applied;
        }

        /** Sends what it holds; answers how many of those events applied. */
        int flush() {
            if (events.isEmpty()) {
                return 0;
            }
            int[] changed = batches.batchUpdate(sql, params);
            int applied = 0;
            for (int i = 0; i < changed.length; i++) {
                IncidentEvent event = events.get(i);
                if (applied(event, changed[i])) {
                    changes.changed(event.pageId());
                    latest.merge(event.pageId(), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
                    applied++;
                }
            }
            params.clear();
            events.clear();
            return applied;
        }

        /**
         * Sends what it holds, then moves each page's updated_at on to its latest entry, once per page
         * rather than once per event; answers how many events applied.
         */
        int finish() {
            int applied = flush();
            if (!latest.isEmpty()) {
                jdbc.sql("""
                                update page set updated_at = greatest(updated_at, latest.at)
                                from unnest(?::text[], ?::timestamptz[]) as latest (page_id, at)
                                where page.page_id = latest.page_id""")
                        .params(latest.keySet().toArray(String[]::new),
                                latest.values().stream().map(Timestamp::from).toArray(Timestamp[]::new))
                        .update();
                latest.clear();
            }
            return applied;
        }
    }

    /**
     * Whether the statement changed the incident; if not, the event had been applied already (or,
     * for an opening, the incident was there), unless the incident is unknown: then it cannot apply.
     */
    private boolean applied(IncidentEvent event, int changed) {
        if (changed > 0) {
            return true;
        }
        if (jdbc.sql("select 1 from incident where incident_id = ?").param(event.incidentId())
                .query(Integer.class).optional().isEmpty()) {
            throw new IllegalStateException("incident " + event.incidentId()
                    + " is unknown: the event that opened it never arrived");
        }
        return false;
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
