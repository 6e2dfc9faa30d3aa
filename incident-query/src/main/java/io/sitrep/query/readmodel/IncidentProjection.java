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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Folds incident events into the incident, entry and component rows. Events go to PostgreSQL a set
 * at a time: one statement for all the events of a kind in a wave of the batch ({@link Batch}),
 * each touching its own incident's rows only; what incidents share (their page's components'
 * statuses and the page's updated_at) is set once per batch, from the events that applied, in the
 * order of the stream.
 */
class IncidentProjection {

    /** The kinds of incident event, each with how it changes the incident's row. */
    private enum Kind {
        OPEN("""
                insert into incident (incident_id, page_id, title, impact, status, created_at, updated_at, monitoring_at,
                                      recorded_at, version)
                select incident_id, page_id, title, impact, status, occurred_at, occurred_at, monitoring_at, recorded_at,
                       version from e
                on conflict (incident_id) do nothing"""),
        POST_UPDATE(advance("status = e.status, updated_at = e.occurred_at")),
        START_MONITORING(advance("status = 'monitoring', updated_at = e.occurred_at, monitoring_at = e.occurred_at")),
        RESOLVE(advance("status = 'resolved', updated_at = e.occurred_at, resolved_at = e.occurred_at, "
                + "resolved_recorded_at = e.recorded_at")),
        PUBLISH_POSTMORTEM(advance("postmortem_body = e.body, postmortem_at = e.occurred_at, "
                + "first_postmortem_at = coalesce(first_postmortem_at, e.occurred_at), "
                + "first_postmortem_recorded_at = coalesce(first_postmortem_recorded_at, e.recorded_at), "
                + "updated_at = e.occurred_at"));

        /**
         * The statement for a set of events of the kind, one incident each: the change to each
         * incident's row, if the event is new to it, and for those it changed, the entry and every
         * component the entry names with the status it last gave it (a postmortem is no entry).
         * Answers the incidents changed.
         */
        private final String sql;

        Kind(String change) {
            this.sql = """
                    with e as (select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                                                    ?::timestamptz[], ?::timestamptz[], ?::bigint[], ?::text[], ?::text[],
                                                    ?::text[], ?::text[], ?::text[])
                               as e (incident_id, page_id, title, impact, status, monitoring_at, occurred_at, recorded_at,
                                     version, update_id, entry_status, label, message, body)),
                    changed as (""" + change + """
                     returning incident.incident_id),
                    named as (select * from unnest(?::text[], ?::text[], ?::text[]) as named (incident_id, component_id, status)),
                    incident_components as (
                        insert into incident_component (incident_id, component_id, status, first_named)
                        select named.incident_id, named.component_id, named.status, e.version
                        from named join changed using (incident_id) join e using (incident_id)
                        on conflict (incident_id, component_id) do update set status = excluded.status),
                    entries as (
                        insert into incident_update (update_id, incident_id, status, label, message, occurred_at,
                                                     recorded_at, version)
                        select e.update_id, e.incident_id, e.entry_status, e.label, e.message, e.occurred_at, e.recorded_at,
                               e.version
                        from e join changed using (incident_id)
                        where e.update_id is not null)
                    select incident_id from changed""";
        }

        static Kind of(IncidentEvent event) {
            if (event instanceof IncidentOpened) {
                return OPEN;
            }
            if (event instanceof UpdatePosted) {
                return POST_UPDATE;
            }
            if (event instanceof MonitoringStarted) {
                return START_MONITORING;
            }
            if (event instanceof IncidentResolved) {
                return RESOLVE;
            }
            if (event instanceof PostmortemPublished) {
                return PUBLISH_POSTMORTEM;
            }
            throw Projector.unhandled(event);
        }
    }

    /** Moves each incident's row to its event's version with these assignments, if it is below it. */
    private static String advance(String assignments) {
        return "update incident set " + assignments + ", version = e.version from e "
                + "where incident.incident_id = e.incident_id and incident.version < e.version";
    }

    private final JdbcClient jdbc;
    private final ReadModelChanges changes;

    IncidentProjection(JdbcClient jdbc, ReadModelChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** A batch for one transaction's run of incident events. */
    Batch batch() {
        return new Batch();
    }

    /** An event of the batch: its kind, its entry (null for a postmortem), and what its statement reads of it. */
    private record Pending(IncidentEvent event, EventEnvelope envelope, Kind kind, Entry entry) {

        /** The incident's status once the event applied. */
        String status() {
            if (event instanceof IncidentOpened opened) {
                return WireNames.of(opened.status());
            }
            return event instanceof UpdatePosted posted ? WireNames.of(posted.incidentStatus()) : null;
        }

        Timestamp monitoringAt() {
            return event instanceof IncidentOpened opened && opened.status() == IncidentStatus.MONITORING
                    ? at(event.occurredAt()) : null;
        }

        String title() {
            return event instanceof IncidentOpened opened ? opened.title() : null;
        }

        String impact() {
            return event instanceof IncidentOpened opened ? WireNames.of(opened.impact()) : null;
        }

        String body() {
            return event instanceof PostmortemPublished postmortem ? postmortem.body() : null;
        }

        /** A field of its entry; null for a postmortem, which has none. */
        String ofEntry(Function<Entry, String> field) {
            return entry == null ? null : field.apply(entry);
        }
    }

    /** A component of a page. */
    private record PageComponent(String pageId, String componentId) {
    }

    /** The status an entry gave a component, and when that was recorded. */
    private record GivenStatus(ComponentStatus status, Instant recordedAt) {
    }

    /**
     * A transaction's incident events, sent in waves: the first event of each incident in the batch,
     * then the second, and so on, each wave as one statement per kind of event. An incident's events
     * keep their order, and the events of a wave touch different incidents' rows, so this folds them
     * as the stream's order would, with a few statements instead of one per event.
     */
    final class Batch {

        private final List<Pending> pending = new ArrayList<>();
        /** The latest entry applied on each page, by when it happened: its page's updated_at at the end. */
        private final Map<String, Instant> latest = new HashMap<>();

        /** Adds the event, with its entry ({@link Entry#of}). */
        void add(IncidentEvent event, Entry entry, EventEnvelope envelope) {
            pending.add(new Pending(event, envelope, Kind.of(event), entry));
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
                Entry entry = pending.get(i).entry();
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

        /** Sends the events wave by wave; answers, for each pending event, whether it applied. */
        private boolean[] send() {
            Map<String, Integer> seen = new HashMap<>();
            List<Map<Kind, List<Integer>>> waves = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                int wave = seen.merge(pending.get(i).event().incidentId(), 1, Integer::sum) - 1;
                if (wave == waves.size()) {
                    waves.add(new EnumMap<>(Kind.class));
                }
                waves.get(wave).computeIfAbsent(pending.get(i).kind(), kind -> new ArrayList<>()).add(i);
            }
            boolean[] applied = new boolean[pending.size()];
            for (Map<Kind, List<Integer>> wave : waves) {
                wave.forEach((kind, indexes) -> {
                    List<Pending> events = indexes.stream().map(pending::get).toList();
                    Set<String> changed = new HashSet<>(send(kind, events));
                    for (int k = 0; k < events.size(); k++) {
                        applied[indexes.get(k)] = applied(events.get(k).event(),
                                changed.contains(events.get(k).event().incidentId()));
                    }
                });
            }
            return applied;
        }

        /** One statement for events of one kind, one per incident; answers the incidents it changed. */
        private List<String> send(Kind kind, List<Pending> events) {
            List<String> namedIncidents = new ArrayList<>();
            List<String> namedComponents = new ArrayList<>();
            List<String> namedStatuses = new ArrayList<>();
            for (Pending event : events) {
                if (event.entry() != null) {
                    event.entry().components().forEach((component, status) -> {
                        namedIncidents.add(event.event().incidentId());
                        namedComponents.add(component);
                        namedStatuses.add(WireNames.of(status));
                    });
                }
            }
            return jdbc.sql(kind.sql)
                    .params(texts(events, pending -> pending.event().incidentId()),
                            texts(events, pending -> pending.event().pageId()),
                            texts(events, Pending::title), texts(events, Pending::impact), texts(events, Pending::status),
                            events.stream().map(Pending::monitoringAt).toArray(Timestamp[]::new),
                            events.stream().map(pending -> at(pending.event().occurredAt())).toArray(Timestamp[]::new),
                            events.stream().map(pending -> at(pending.envelope().recordedAt())).toArray(Timestamp[]::new),
                            events.stream().map(pending -> pending.envelope().sequence()).toArray(Long[]::new),
                            texts(events, pending -> pending.ofEntry(Entry::updateId)),
                            texts(events, pending -> pending.ofEntry(entry -> WireNames.of(entry.status()))),
                            texts(events, pending -> pending.ofEntry(Entry::label)),
                            texts(events, pending -> pending.ofEntry(Entry::message)),
                            texts(events, Pending::body),
                            namedIncidents.toArray(String[]::new), namedComponents.toArray(String[]::new),
                            namedStatuses.toArray(String[]::new))
                    .query(String.class).list();
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

    private static String[] texts(List<Pending> events, Function<Pending, String> text) {
        return events.stream().map(text).toArray(String[]::new);
    }

    /**
     * Whether the statement changed the incident; if not, the event had been applied already (or,
     * for an opening, the incident was there), unless the incident is unknown: then it cannot apply.
     */
    private boolean applied(IncidentEvent event, boolean changed) {
        if (changed) {
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
