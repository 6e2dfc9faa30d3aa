package io.sitrep.query.analytics;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.query.readmodel.WireNames;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the facts of a page's incidents for analytics. */
@Repository
@Transactional(readOnly = true)
public class AnalyticsReader {

    private final JdbcClient jdbc;

    AnalyticsReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The incidents opened (by when it happened) in [from, to), oldest first. */
    public List<IncidentFacts> openedIn(String pageId, Instant from, Instant to) {
        record Row(String id, Impact impact, Instant openedAt, Instant resolvedAt, Instant firstPostmortemAt) {
        }
        List<Row> rows = jdbc.sql("""
                        select incident_id, impact, created_at, resolved_at, first_postmortem_at from incident
                        where page_id = ? and created_at >= ? and created_at < ?
                        order by created_at, incident_id""")
                .params(pageId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> new Row(rs.getString("incident_id"),
                        WireNames.parse(Impact.class, rs.getString("impact")), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("resolved_at")), instant(rs.getTimestamp("first_postmortem_at"))))
                .list();
        String[] ids = rows.stream().map(Row::id).toArray(String[]::new);
        Map<String, List<IncidentFacts.Entry>> entries = new HashMap<>();
        jdbc.sql("""
                        select incident_id, status, occurred_at from incident_update where incident_id = any(?)
                        order by incident_id, occurred_at, version""")
                .param(ids)
                .query((RowCallbackHandler) rs -> entries.computeIfAbsent(rs.getString("incident_id"),
                        id -> new ArrayList<>()).add(new IncidentFacts.Entry(
                        WireNames.parse(IncidentStatus.class, rs.getString("status")),
                        instant(rs.getTimestamp("occurred_at")))));
        Map<String, List<String>> components = new HashMap<>();
        jdbc.sql("select incident_id, component_id from incident_component where incident_id = any(?) "
                        + "order by incident_id, first_named")
                .param(ids)
                .query((RowCallbackHandler) rs -> components.computeIfAbsent(rs.getString("incident_id"),
                        id -> new ArrayList<>()).add(rs.getString("component_id")));
        return rows.stream().map(row -> new IncidentFacts(row.id(), row.impact(), row.openedAt(), row.resolvedAt(),
                row.firstPostmortemAt(), entries.getOrDefault(row.id(), List.of()),
                components.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
