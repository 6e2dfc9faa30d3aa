package io.sitrep.query.rebuild;

import io.sitrep.query.readmodel.Projection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the {@code projection} table says of each read model, on every instance: live, or being
 * rebuilt and how far the rebuild has come. A projection without a row has never been built here.
 */
@Component
class ProjectionStates {

    static final String LIVE = "live";
    static final String REBUILDING = "rebuilding";

    /** A projection's row. Position, end and rate are the last rebuild's, null before its first report. */
    record State(String state, Long position, Long end, Double eventsPerSecond, Instant progressAt) {

        boolean live() {
            return LIVE.equals(state);
        }
    }

    private final JdbcClient jdbc;

    ProjectionStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, State> all() {
        return jdbc.sql("select name, state, rebuild_position, rebuild_end, events_per_second, progress_at from projection")
                .query((rs, row) -> Map.entry(rs.getString("name"), new State(rs.getString("state"),
                        (Long) rs.getObject("rebuild_position"), (Long) rs.getObject("rebuild_end"),
                        (Double) rs.getObject("events_per_second"),
                        rs.getTimestamp("progress_at") == null ? null : rs.getTimestamp("progress_at").toInstant())))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Records every projection as live, unless it has a row: in a database no read model was built in yet. */
    void allLive() {
        for (Projection projection : Projection.values()) {
            jdbc.sql("insert into projection (name, state) values (?, ?) on conflict (name) do nothing")
                    .params(projection.wireName(), LIVE).update();
        }
    }

    /** Records that the projection is being rebuilt, from the start. */
    void rebuilding(Projection projection) {
        jdbc.sql("""
                        insert into projection (name, state) values (?, ?)
                        on conflict (name) do update set state = excluded.state, rebuild_position = null,
                            rebuild_end = null, events_per_second = null, progress_at = null""")
                .params(projection.wireName(), REBUILDING).update();
    }

    void progress(Projection projection, long position, long end, double eventsPerSecond, Instant at) {
        jdbc.sql("""
                        update projection set rebuild_position = ?, rebuild_end = ?, events_per_second = ?, progress_at = ?
                        where name = ?""")
                .params(position, end, eventsPerSecond, Timestamp.from(at), projection.wireName()).update();
    }

    /** Records that the projection is live: in the switch-over's transaction. */
    void live(Projection projection) {
        jdbc.sql("update projection set state = ? where name = ?").params(LIVE, projection.wireName()).update();
    }
}
