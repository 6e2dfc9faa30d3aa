package io.sitrep.query.readmodel;

import io.sitrep.events.EventEnvelope;
import io.sitrep.events.PageEvent;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Folds a page's own events (its definition and its components') into the page and component rows. */
class PageProjection {

    private final JdbcClient jdbc;
    private final ReadModelChanges changes;

    PageProjection(JdbcClient jdbc, ReadModelChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** Applies the event in the caller's transaction; answers false when it had been applied already. */
    boolean apply(PageEvent event, EventEnvelope envelope) {
        Optional<Long> applied = jdbc.sql("select version from page where page_id = ? for update")
                .param(event.pageId()).query(Long.class).optional();
        if (applied.isPresent() && envelope.sequence() <= applied.get()) {
            return false;
        }
        Timestamp recordedAt = Timestamp.from(envelope.recordedAt());
        if (event instanceof PageDefined defined) {
            jdbc.sql("""
                            insert into page (page_id, name, time_zone, hostname, version, created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (page_id) do update
                            set name = excluded.name, time_zone = excluded.time_zone, hostname = excluded.hostname,
                                version = excluded.version,
                            updated_at = greatest(page.updated_at, excluded.updated_at)""")
                    .params(defined.pageId(), defined.name(), defined.timeZone(), defined.hostname(),
                            envelope.sequence(), recordedAt, recordedAt)
                    .update();
            changes.hostnamesChanged();
            changes.changed(event.pageId());
            return true;
        }
        if (!(event instanceof ComponentDefined defined)) {
            throw Projector.unhandled(event);
        }
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
        jdbc.sql("update page set version = ?, updated_at = greatest(updated_at, ?) where page_id = ?")
                .params(envelope.sequence(), recordedAt, defined.pageId())
                .update();
        changes.changed(event.pageId());
        return true;
    }
}
