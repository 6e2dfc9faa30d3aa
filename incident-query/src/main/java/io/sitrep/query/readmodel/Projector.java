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
import io.sitrep.events.PageEvent;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.query.pagecache.PageChanges;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds events into the read models. Each page and incident row remembers the version of the last
 * event it applied, and an event at or below it is skipped: a redelivered or replayed stream
 * changes nothing.
 */
@Component
public class Projector {

    private final JdbcClient jdbc;
    private final PageChanges changes;

    public Projector(JdbcClient jdbc, PageChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /**
     * Applies the event in one transaction (or in the caller's); answers false when it had been
     * applied already. Whatever caches the page's answers hears of the change once it commits.
     */
    @Transactional
    public boolean apply(EventEnvelope envelope) {
        boolean applied = envelope.event() instanceof PageEvent event
                ? applyPageEvent(event, envelope)
                : applyIncidentEvent((IncidentEvent) envelope.event(), envelope);
        if (applied) {
            changes.changed(envelope.event().pageId());
        }
        return applied;
    }

    private boolean applyPageEvent(PageEvent event, EventEnvelope envelope) {
        Optional<Long> applied = jdbc.sql("select version from page where page_id = ? for update")
                .param(event.pageId()).query(Long.class).optional();
        if (applied.isPresent() && envelope.sequence() <= applied.get()) {
            return false;
        }
        Timestamp recordedAt = Timestamp.from(envelope.recordedAt());
        if (event instanceof PageDefined defined) {
            jdbc.sql("""
                            insert into page (page_id, name, time_zone, version, created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (page_id) do update
                            set name = excluded.name, time_zone = excluded.time_zone, version = excluded.version,
                                updated_at = excluded.updated_at""")
                    .params(defined.pageId(), defined.name(), defined.timeZone(), envelope.sequence(), recordedAt,
                            recordedAt)
                    .update();
            return true;
        }
        ComponentDefined defined = (ComponentDefined) event;
        if (applied.isEmpty()) {
            throw new IllegalStateException("component " + defined.componentId() + " of page " + defined.pageId()
                    + " arrived before its page");
        }
        jdbc.sql("""
                        insert into component (page_id, component_id, name, group_name, position, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (page_id, component_id) do update
                        set name = excluded.name, group_name = excluded.group_name, position = excluded.position,
                            updated_at = excluded.updated_at""")
                .params(defined.pageId(), defined.componentId(), defined.name(), defined.group(), defined.position(),
                        recordedAt, recordedAt)
                .update();
        jdbc.sql("update page set version = ?, updated_at = ? where page_id = ?")
                .params(envelope.sequence(), recordedAt, defined.pageId())
                .update();
        return true;
    }

    private boolean applyIncidentEvent(IncidentEvent event, EventEnvelope envelope) {
        if (event instanceof IncidentOpened opened) {
            int inserted = jdbc.sql("""
                            insert into incident (incident_id, page_id, title, impact, status, created_at, updated_at,
                                                  monitoring_at, recorded_at, version)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (incident_id) do nothing""")
                    .params(opened.incidentId(), opened.pageId(), opened.title(), wire(opened.impact().name()),
                            wire(opened.status().name()), at(opened.occurredAt()), at(opened.occurredAt()),
                            opened.status() == IncidentStatus.MONITORING ? at(opened.occurredAt()) : null,
                            at(envelope.recordedAt()), envelope.sequence())
                    .update();
            if (inserted == 0) {
                return false;
            }
            entry(opened, envelope, opened.updateId(), opened.status(), label(opened.status()), opened.message(),
                    opened.components());
            return true;
        }
        // Each event moves the incident's row to its version first, unless the row is there already:
        // one statement decides and locks, so that the read side does little per event.
        Timestamp occurredAt = at(event.occurredAt());
        if (event instanceof UpdatePosted posted) {
            if (!advance(event, envelope, "status = ?, updated_at = ?", wire(posted.incidentStatus().name()),
                    occurredAt)) {
                return false;
            }
            entry(posted, envelope, posted.updateId(), posted.incidentStatus(),
                    posted.status() == null ? "Update" : label(posted.status()), posted.message(), posted.components());
        } else if (event instanceof MonitoringStarted monitoring) {
            if (!advance(event, envelope, "status = 'monitoring', updated_at = ?, monitoring_at = ?", occurredAt,
                    occurredAt)) {
                return false;
            }
            entry(monitoring, envelope, monitoring.updateId(), IncidentStatus.MONITORING,
                    label(IncidentStatus.MONITORING), monitoring.message(), monitoring.components());
        } else if (event instanceof IncidentResolved resolved) {
            if (!advance(event, envelope, "status = 'resolved', updated_at = ?, resolved_at = ?", occurredAt,
                    occurredAt)) {
                return false;
            }
            entry(resolved, envelope, resolved.updateId(), IncidentStatus.RESOLVED, label(IncidentStatus.RESOLVED),
                    resolved.message(), resolved.components());
        } else {
            PostmortemPublished postmortem = (PostmortemPublished) event;
            return advance(event, envelope, "postmortem_body = ?, postmortem_at = ?, updated_at = ?",
                    postmortem.body(), occurredAt, occurredAt);
        }
        return true;
    }

    /**
     * Makes the assignments in the incident's row and moves it to the event's version, if the row is
     * below it; false if it was at or past it already (a redelivery).
     */
    private boolean advance(IncidentEvent event, EventEnvelope envelope, String assignments, Object... values) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(List.of(envelope.sequence(), event.incidentId(), envelope.sequence()));
        int advanced = jdbc.sql("update incident set " + assignments + ", version = ? "
                        + "where incident_id = ? and version < ?")
                .params(params)
                .update();
        if (advanced == 0 && jdbc.sql("select 1 from incident where incident_id = ?").param(event.incidentId())
                .query(Integer.class).optional().isEmpty()) {
            throw new IllegalStateException("incident " + event.incidentId()
                    + " is unknown: the event that opened it never arrived");
        }
        return advanced == 1;
    }

    /** Records an entry of the incident and the component statuses it set. */
    private void entry(IncidentEvent event, EventEnvelope envelope, String updateId, IncidentStatus status,
                       String label, String message, Map<String, ComponentStatus> components) {
        jdbc.sql("""
                        insert into incident_update (update_id, incident_id, status, label, message, occurred_at,
                                                     recorded_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(updateId, event.incidentId(), wire(status.name()), label, message, at(event.occurredAt()),
                        at(envelope.recordedAt()), envelope.sequence())
                .update();
        components.forEach((componentId, componentStatus) -> {
            String statusName = wire(componentStatus.name());
            jdbc.sql("""
                            insert into incident_component (incident_id, component_id, status, first_named)
                            values (?, ?, ?, ?)
                            on conflict (incident_id, component_id) do update set status = excluded.status""")
                    .params(event.incidentId(), componentId, statusName, envelope.sequence())
                    .update();
            jdbc.sql("update component set status = ?, updated_at = ? where page_id = ? and component_id = ?")
                    .params(statusName, at(envelope.recordedAt()), event.pageId(), componentId)
                    .update();
        });
    }

    /** What a status page calls an entry that set this status. */
    static String label(IncidentStatus status) {
        String name = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The wire name of an enum constant: {@code MAJOR_OUTAGE} is {@code major_outage}. */
    static String wire(String constant) {
        return constant.toLowerCase(Locale.ROOT);
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
