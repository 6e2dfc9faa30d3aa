package io.sitrep.query.readmodel;

import io.sitrep.events.EventEnvelope;
import io.sitrep.events.IncidentEvent;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Folds incident entries into the components' status history, the uptime read model (which time
 * travel reads too): one row per entry and component it names, with when it happened and when it
 * was recorded. An entry's rows are written once, however often it is delivered.
 */
class UptimeProjection {

    private final JdbcClient jdbc;

    UptimeProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Batch batch() {
        return new Batch();
    }

    /** The status changes of one transaction's events, written in one statement. */
    final class Batch {

        private final List<String> pages = new ArrayList<>();
        private final List<String> components = new ArrayList<>();
        private final List<String> incidents = new ArrayList<>();
        private final List<String> entries = new ArrayList<>();
        private final List<String> statuses = new ArrayList<>();
        private final List<Timestamp> occurred = new ArrayList<>();
        private final List<Timestamp> recorded = new ArrayList<>();

        /** Adds the statuses the event's entry ({@link Entry#of}) gave; a postmortem, with none, adds nothing. */
        void add(IncidentEvent event, Entry entry, EventEnvelope envelope) {
            if (entry == null) {
                return;
            }
            entry.components().forEach((component, status) -> {
                pages.add(event.pageId());
                components.add(component);
                incidents.add(event.incidentId());
                entries.add(entry.updateId());
                statuses.add(WireNames.of(status));
                occurred.add(Timestamp.from(event.occurredAt()));
                recorded.add(Timestamp.from(envelope.recordedAt()));
            });
        }

        /** Writes the rows it holds that are new; answers how many entries had rows that were. */
        int finish() {
            if (entries.isEmpty()) {
                return 0;
            }
            return jdbc.sql("""
                            with added as (
                                insert into component_status_change (page_id, component_id, incident_id, update_id, status,
                                                                     occurred_at, recorded_at)
                                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                                     ?::timestamptz[], ?::timestamptz[])
                                on conflict (update_id, component_id) do nothing
                                returning update_id)
                            select count(distinct update_id) from added""")
                    .params(pages.toArray(String[]::new), components.toArray(String[]::new),
                            incidents.toArray(String[]::new), entries.toArray(String[]::new),
                            statuses.toArray(String[]::new), occurred.toArray(Timestamp[]::new),
                            recorded.toArray(Timestamp[]::new))
                    .query(Integer.class).single();
        }
    }
}
