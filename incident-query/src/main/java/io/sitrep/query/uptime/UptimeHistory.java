package io.sitrep.query.uptime;

import io.sitrep.events.ComponentStatus;
import io.sitrep.query.readmodel.WireNames;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads a component's status history for its uptime. */
@Repository
@Transactional(readOnly = true)
public class UptimeHistory {

    private final JdbcClient jdbc;

    UptimeHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The component's changes from the last one before {@code from} on, in the order they happened. */
    public List<UptimeDays.Change> changes(String pageId, String componentId, Instant from) {
        return jdbc.sql("""
                        select status, occurred_at from component_status_change
                        where page_id = :page and component_id = :component
                          and occurred_at >= coalesce((select max(occurred_at) from component_status_change
                                                       where page_id = :page and component_id = :component
                                                         and occurred_at < :from), '-infinity')
                        order by occurred_at, recorded_at""")
                .param("page", pageId).param("component", componentId).param("from", Timestamp.from(from))
                .query((rs, row) -> new UptimeDays.Change(rs.getTimestamp("occurred_at").toInstant(),
                        WireNames.parse(ComponentStatus.class, rs.getString("status"))))
                .list();
    }

    /** The incidents that named the component and were open at some time in [from, to). */
    public List<UptimeDays.Span> incidents(String pageId, String componentId, Instant from, Instant to) {
        return jdbc.sql("""
                        select i.incident_id, i.title, i.created_at, i.resolved_at from incident i
                        join incident_component c on c.incident_id = i.incident_id
                        where i.page_id = ? and c.component_id = ? and i.created_at < ?
                          and (i.resolved_at is null or i.resolved_at > ?)
                        order by i.created_at, i.incident_id""")
                .params(pageId, componentId, Timestamp.from(to), Timestamp.from(from))
                .query((rs, row) -> new UptimeDays.Span(rs.getString("incident_id"), rs.getString("title"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("resolved_at")).map(Timestamp::toInstant).orElse(null)))
                .list();
    }

    /** When the component's data begins: its creation or its earliest incident entry, whichever is earlier. */
    public Optional<Instant> firstData(String pageId, String componentId) {
        return jdbc.sql("""
                        select least(c.created_at, (select min(occurred_at) from component_status_change h
                                                    where h.page_id = c.page_id and h.component_id = c.component_id))
                        from component c where c.page_id = ? and c.component_id = ?""")
                .params(pageId, componentId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .optional();
    }
}
