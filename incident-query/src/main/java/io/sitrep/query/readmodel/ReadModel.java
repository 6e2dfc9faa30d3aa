package io.sitrep.query.readmodel;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.query.readmodel.ComponentView;
import io.sitrep.query.readmodel.IncidentList;
import io.sitrep.query.readmodel.IncidentView;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.PostmortemView;
import io.sitrep.query.readmodel.UpdateView;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the read models: pages, their components and incidents, as plain values ({@link PageView},
 * {@link IncidentView}, ...) with statuses and impacts as the events' types.
 */
@Repository
@Transactional(readOnly = true)
public class ReadModel {

    /** Which incidents a list holds. */
    public enum Filter { UNRESOLVED, RESOLVED, ALL }

    private static final String INCIDENT_COLUMNS = """
            incident_id, page_id, title, impact, status, created_at, updated_at, monitoring_at, resolved_at, version,
            postmortem_body, postmortem_at""";

    private final JdbcClient jdbc;

    public ReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The page; its {@code updatedAt} is the latest change to it, its components or its incidents. */
    public Optional<PageView> page(String pageId) {
        return jdbc.sql("select page_id, name, time_zone, created_at, updated_at from page where page_id = ?")
                .param(pageId)
                .query((rs, row) -> new PageView(rs.getString("page_id"), rs.getString("name"),
                        rs.getString("time_zone"), instant(rs, "created_at"), instant(rs, "updated_at")))
                .optional();
    }

    /** The page's components in the order they were created. */
    public List<ComponentView> components(String pageId) {
        return jdbc.sql("""
                        select component_id, name, group_name, status, position, created_at, updated_at
                        from component where page_id = ? order by position""")
                .param(pageId)
                .query((rs, row) -> component(rs, rs.getString("status")))
                .list();
    }

    public Optional<IncidentView> incident(String incidentId) {
        List<IncidentView> found = incidents(jdbc.sql("select " + INCIDENT_COLUMNS
                + " from incident where incident_id = ?").param(incidentId));
        return found.stream().findFirst();
    }

    /** The version of the incident the read model has applied, if it knows the incident. */
    public Optional<Long> incidentVersion(String incidentId) {
        return jdbc.sql("select version from incident where incident_id = ?")
                .param(incidentId).query(Long.class).optional();
    }

    /** The page's unresolved incidents, newest first. */
    public List<IncidentView> unresolved(String pageId) {
        return list(pageId, Filter.UNRESOLVED, Integer.MAX_VALUE, null).items();
    }

    /**
     * A page of the page's incidents, newest first (by when they were opened, as shown). The
     * cursor is the {@code nextCursor} of the page before; null for the first.
     */
    public IncidentList list(String pageId, Filter filter, int limit, String cursor) {
        StringBuilder where = new StringBuilder("page_id = :page");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", pageId);
        if (filter == Filter.UNRESOLVED) {
            where.append(" and status <> 'resolved'");
        } else if (filter == Filter.RESOLVED) {
            where.append(" and status = 'resolved'");
        }
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            where.append(" and (created_at, incident_id) < (:createdAt, :incidentId)");
            params.put("createdAt", Timestamp.from(after.createdAt()));
            params.put("incidentId", after.incidentId());
        }
        List<IncidentView> found = incidents(jdbc.sql("select " + INCIDENT_COLUMNS + " from incident where " + where
                        + " order by created_at desc, incident_id desc limit :limit")
                .params(params)
                .param("limit", limit + 1L));
        if (found.size() <= limit) {
            return new IncidentList(found, null);
        }
        List<IncidentView> items = found.subList(0, limit);
        IncidentView last = items.get(limit - 1);
        return new IncidentList(List.copyOf(items), new Cursor(last.createdAt(), last.id()).encode());
    }

    /** Loads incidents with their entries and components: three queries, whatever their number. */
    private List<IncidentView> incidents(JdbcClient.StatementSpec query) {
        record Row(String id, String pageId, String title, Impact impact, IncidentStatus status, Instant createdAt,
                   Instant updatedAt, Instant monitoringAt, Instant resolvedAt, long version, PostmortemView postmortem) {
        }
        List<Row> rows = query.query((rs, row) -> new Row(rs.getString("incident_id"), rs.getString("page_id"),
                rs.getString("title"), WireNames.parse(Impact.class, rs.getString("impact")),
                WireNames.parse(IncidentStatus.class, rs.getString("status")), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "monitoring_at"), instant(rs, "resolved_at"),
                rs.getLong("version"), rs.getString("postmortem_body") == null ? null
                        : new PostmortemView(rs.getString("postmortem_body"), instant(rs, "postmortem_at")))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] ids = rows.stream().map(Row::id).toArray(String[]::new);
        Map<String, List<UpdateView>> updates = new LinkedHashMap<>();
        jdbc.sql("""
                        select incident_id, update_id, status, label, message, occurred_at, recorded_at
                        from incident_update where incident_id = any(?) order by version desc""")
                .param(ids)
                .query((rs, row) -> Map.entry(rs.getString("incident_id"), update(rs)))
                .list()
                .forEach(entry -> updates.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        Map<String, List<ComponentView>> components = new LinkedHashMap<>();
        jdbc.sql("""
                        select ic.incident_id, ic.status as incident_status, c.component_id, c.name, c.group_name,
                               c.position, c.created_at, c.updated_at
                        from incident_component ic
                        join incident i on i.incident_id = ic.incident_id
                        join component c on c.page_id = i.page_id and c.component_id = ic.component_id
                        where ic.incident_id = any(?) order by ic.first_named, c.position""")
                .param(ids)
                .query((rs, row) -> Map.entry(rs.getString("incident_id"), component(rs, rs.getString("incident_status"))))
                .list()
                .forEach(entry -> components.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return rows.stream().map(row -> new IncidentView(row.id(), row.pageId(), row.title(), row.status(),
                row.impact(), row.createdAt(), row.updatedAt(), row.monitoringAt(), row.resolvedAt(), row.version(),
                List.copyOf(components.getOrDefault(row.id(), List.of())),
                List.copyOf(updates.getOrDefault(row.id(), List.of())), row.postmortem())).toList();
    }

    /** An entry from a row of incident_update. */
    static UpdateView update(ResultSet rs) throws SQLException {
        return new UpdateView(rs.getString("update_id"), WireNames.parse(IncidentStatus.class, rs.getString("status")),
                rs.getString("label"), rs.getString("message"), instant(rs, "occurred_at"), instant(rs, "recorded_at"));
    }

    static ComponentView component(ResultSet rs, String status) throws SQLException {
        return new ComponentView(rs.getString("component_id"), rs.getString("name"), rs.getString("group_name"),
                WireNames.parse(ComponentStatus.class, status), rs.getInt("position"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Where a list of incidents goes on: after this incident, in newest-first order. */
    record Cursor(Instant createdAt, String incidentId) {

        String encode() {
            String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + "/" + incidentId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int slash = plain.indexOf('/');
                String[] time = plain.substring(0, slash).split("\\.");
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])),
                        plain.substring(slash + 1));
            } catch (RuntimeException e) {
                throw new InvalidCursor(cursor);
            }
        }
    }

    /** A cursor this service did not hand out. */
    public static class InvalidCursor extends RuntimeException {

        InvalidCursor(String cursor) {
            super("cursor " + cursor + " is not one this API gave out; start again without it");
        }
    }
}
