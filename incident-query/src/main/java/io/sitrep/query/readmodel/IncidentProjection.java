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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Folds incident events into the incident, entry and component rows. Each event is one statement
 * that touches its own incident's rows only; what incidents share (their page's components'
 * statuses and the page's updated_at) is set once per batch, from the events that applied, in the
 * order of the stream ({@link Batch}).
 */
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
    private final ReadModelChanges changes;

    IncidentProjection(JdbcTemplate batches, ReadModelChanges changes) {
        this.jdbc = JdbcClient.create(batches);
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
     * then adds the entry and the statuses it gives the components it names, all in the same
     * statement, which counts one row when the event applied.
     */
    private static Statement statement(IncidentEvent event, EventEnvelope envelope) {
        Timestamp occurredAt = at(event.occurredAt());
        Entry entry = Entry.of(event);
        if (event instanceof IncidentOpened opened) {
            return withEntry(OPEN, event, envelope,
                    Arrays.asList(opened.incidentId(), opened.pageId(), opened.title(), WireNames.of(opened.impact()),
                            WireNames.of(opened.status()), occurredAt, occurredAt,
                            opened.status() == IncidentStatus.MONITORING ? occurredAt : null,
                            at(envelope.recordedAt()), envelope.sequence()), entry);
        }
        if (event instanceof UpdatePosted posted) {
            return withEntry(POST_UPDATE, event, envelope,
                    advanceParams(event, envelope, WireNames.of(posted.incidentStatus()), occurredAt), entry);
        }
        if (event instanceof MonitoringStarted) {
            return withEntry(START_MONITORING, event, envelope, advanceParams(event, envelope, occurredAt, occurredAt), entry);
        }
        if (event instanceof IncidentResolved) {
            return withEntry(RESOLVE, event, envelope,
                    advanceParams(event, envelope, occurredAt, occurredAt, at(envelope.recordedAt())), entry);
        }
        if (event instanceof PostmortemPublished postmortem) {
            return new Statement(PUBLISH_POSTMORTEM,
                    advanceParams(event, envelope, postmortem.body(), occurredAt, occurredAt,
                            at(envelope.recordedAt()), occurredAt).toArray());
        }
        throw Projector.unhandled(event);
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

    /** The change and, if it took, the entry and every component the entry names with the status it last gave it. */
    private static String withEntry(String change) {
        return "with changed as (" + change + " returning incident_id), " + """
                named (component_id, status) as (select * from unnest(?::text[], ?::text[])),
                incident_components as (
                    insert into incident_component (incident_id, component_id, status, first_named)
                    select incident_id, component_id, status, ? from changed, named
                    on conflict (incident_id, component_id) do update set status = excluded.status)
                insert into incident_update (update_id, incident_id, status, label, message, occurred_at, recorded_at,
                                             version)
                select ?, incident_id, ?, ?, ?, ?, ?, ? from changed""";
    }

    /** The parameters of a {@link #withEntry(String)} statement: the change's, then the entry's. */
    private static Statement withEntry(String sql, IncidentEvent event, EventEnvelope envelope,
                                       List<Object> changeParams, Entry entry) {
        List<Object> params = new ArrayList<>(changeParams);
        params.addAll(Arrays.asList(
                entry.components().keySet().toArray(String[]::new),
                entry.components().values().stream().map(WireNames::of).toArray(String[]::new),
                envelope.sequence(),
                entry.updateId(), WireNames.of(entry.status()), entry.label(), entry.message(),
                at(event.occurredAt()), at(envelope.recordedAt()), envelope.sequence()));
        return new Statement(sql, params.toArray());
    }

    /** An event of the batch and its statement. */
    private record Pending(IncidentEvent event, EventEnvelope envelope, Statement statement) {
    }

    /** A component of a page. */
    private record PageComponent(String pageId, String componentId) {
    }

    /** The status an entry gave a component, and when that was recorded. */
    private record GivenStatus(ComponentStatus status, Instant recordedAt) {
    }

    /**
     * A transaction's incident events, sent in waves: the first event of each incident in the batch,
     * then the second, and so on, each wave as one JDBC batch per kind of statement. An incident's
     * events keep their order, and the statements of different incidents touch different rows, so
     * this folds them as the stream's order would, in a few round trips instead of one per event.
     */
    final class Batch {

        private final List<Pending> pending = new ArrayList<>();
        /** The latest entry applied on each page, by when it happened: its page's updated_at at the end. */
        private final Map<String, Instant> latest = new HashMap<>();

        void add(IncidentEvent event, EventEnvelope envelope) {
            pending.add(new Pending(event, envelope, statement(event, envelope)));
        }

        /**
         * Sends what it holds, then sets the statuses its entries gave the pages' components, the
         * last one given winning; answers how many of its events applied.
         */
        int flush() {
            if (pending.isEmpty()) {
                return 0;
            }
            boolean[] appliedAt = send();
            Map<PageComponent, GivenStatus> given = new LinkedHashMap<>();
            int applied = 0;
            for (int i = 0; i < pending.size(); i++) {
                if (!appliedAt[i]) {
                    continue;
                }
                IncidentEvent event = pending.get(i).event();
                changes.changed(event.pageId());
                latest.merge(event.pageId(), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
                Entry entry = Entry.of(event);
                if (entry != null) {
                    Instant recordedAt = pending.get(i).envelope().recordedAt();
                    entry.components().forEach((component, status) ->
                            given.put(new PageComponent(event.pageId(), component), new GivenStatus(status, recordedAt)));
                }
                applied++;
            }
            setComponentStatuses(given);
            pending.clear();
            return applied;
        }

        /** Sends the statements wave by wave; answers, for each pending event, whether it applied. */
        private boolean[] send() {
            Map<String, Integer> seen = new HashMap<>();
            List<Map<String, List<Integer>>> waves = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                int wave = seen.merge(pending.get(i).event().incidentId(), 1, Integer::sum) - 1;
                if (wave == waves.size()) {
                    waves.add(new LinkedHashMap<>());
                }
                waves.get(wave).computeIfAbsent(pending.get(i).statement().sql(), sql -> new ArrayList<>()).add(i);
            }
            boolean[] applied = new boolean[pending.size()];
            for (Map<String, List<Integer>> wave : waves) {
                wave.forEach((sql, indexes) -> {
                    int[] changed = batches.batchUpdate(sql,
                            indexes.stream().map(i -> pending.get(i).statement().params()).toList());
                    for (int k = 0; k < changed.length; k++) {
                        applied[indexes.get(k)] = applied(pending.get(indexes.get(k)).event(), changed[k]);
                    }
                });
            }
            return applied;
        }

        private void setComponentStatuses(Map<PageComponent, GivenStatus> given) {
            if (given.isEmpty()) {
                return;
            }
            jdbc.sql("""
                            update component set status = given.status, updated_at = given.at
                            from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[])
                                 as given (page_id, component_id, status, at)
                            where component.page_id = given.page_id and component.component_id = given.component_id""")
                    .params(given.keySet().stream().map(PageComponent::pageId).toArray(String[]::new),
                            given.keySet().stream().map(PageComponent::componentId).toArray(String[]::new),
                            given.values().stream().map(status -> WireNames.of(status.status())).toArray(String[]::new),
                            given.values().stream().map(status -> at(status.recordedAt())).toArray(Timestamp[]::new))
                    .update();
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
