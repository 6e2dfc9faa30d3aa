package io.sitrep.query.readmodel;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read models as they stood at an instant, from the history they keep (every entry with when it
 * happened and when it was recorded, every status an entry gave a component), never from the event
 * store. {@link Basis#OCCURRED} is the page as it stood then by when things happened, backdated
 * entries included ({@code asOf}); {@link Basis#RECORDED} is what the page showed then, from what
 * had been recorded by then ({@code knownAt}). Each read is a handful of indexed queries, however
 * long the page's history.
 */
@Repository
@Transactional(readOnly = true)
public class PastViews {

    /** Which time an instant is on. */
    public enum Basis {
        /** When things happened ({@code occurredAt}). */
        OCCURRED("occurred_at", "recorded_at", "created_at", "tstzrange(created_at, resolved_at, '[)')",
                "first_postmortem_at"),
        /** When they were recorded. */
        RECORDED("recorded_at", "occurred_at", "recorded_at", "tstzrange(recorded_at, resolved_recorded_at, '[)')",
                "first_postmortem_recorded_at");

        private final String time;
        private final String otherTime;
        private final String opened;
        private final String open;
        private final String firstPostmortem;

        Basis(String time, String otherTime, String opened, String open, String firstPostmortem) {
            this.time = time;
            this.otherTime = otherTime;
            this.opened = opened;
            this.open = open;
            this.firstPostmortem = firstPostmortem;
        }
    }

    /** An instant on one of the two times. */
    public record Moment(Instant at, Basis basis) {

        /**
         * The moment the {@code asOf} or {@code knownAt} parameter names; empty for now.
         *
         * @throws InvalidParameter when both are given, or one is not an instant
         */
        public static Optional<Moment> of(String asOf, String knownAt) {
            if (asOf != null && knownAt != null) {
                throw new InvalidParameter("knownAt", "cannot come with asOf: ask for one of them");
            }
            if (asOf != null) {
                return Optional.of(new Moment(InvalidParameter.instant("asOf", asOf), Basis.OCCURRED));
            }
            return Optional.ofNullable(knownAt)
                    .map(value -> new Moment(InvalidParameter.instant("knownAt", value), Basis.RECORDED));
        }
    }


    private final JdbcClient jdbc;

    PastViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses a moment before the page was recorded: by what was recorded, the page did not exist then. */
    public static void requireRecorded(PageView page, Moment moment) {
        if (moment.basis() == Basis.RECORDED && page.createdAt().isAfter(moment.at())) {
            throw new NotFound("page " + page.id() + " had not been recorded by " + moment.at());
        }
    }

    /**
     * Today's components of the page with the statuses they had at the moment; by what was recorded,
     * only those created by then.
     */
    public List<ComponentView> components(String pageId, Moment moment) {
        String time = moment.basis().time;
        return jdbc.sql("select c.component_id, c.name, c.group_name, c.position, c.created_at, c.updated_at, "
                        + "(select h.status from component_status_change h where h.page_id = c.page_id "
                        + "and h.component_id = c.component_id and h." + time + " <= :at "
                        + "order by h." + time + " desc, h." + moment.basis().otherTime + " desc limit 1) as status "
                        + "from component c where c.page_id = :page"
                        + (moment.basis() == Basis.RECORDED ? " and c.created_at <= :at" : "")
                        + " order by c.position")
                .param("page", pageId).param("at", Timestamp.from(moment.at()))
                .query((rs, row) -> ReadModel.component(rs,
                        Objects.requireNonNullElse(rs.getString("status"), WireNames.of(ComponentStatus.OPERATIONAL))))
                .list();
    }

    /** The page's incidents that were open at the moment, newest first, each as it stood then. */
    public List<IncidentView> unresolved(String pageId, Moment moment) {
        return jdbc.sql("select incident_id from incident where page_id = :page and " + moment.basis().open
                        + " @> cast(:at as timestamptz) order by created_at desc, incident_id desc")
                .param("page", pageId).param("at", Timestamp.from(moment.at()))
                .query(String.class).list().stream()
                .map(id -> incident(id, moment).orElseThrow())
                .toList();
    }

    /** The incident as it stood at the moment; empty if it had not been opened (or recorded) by then. */
    public Optional<IncidentView> incident(String incidentId, Moment moment) {
        Timestamp at = Timestamp.from(moment.at());
        record Row(String pageId, String title, Impact impact, String postmortemBody, Instant firstPostmortemAt,
                   boolean postmortemThen) {
        }
        Optional<Row> found = jdbc.sql("select page_id, title, impact, postmortem_body, first_postmortem_at, "
                        + moment.basis().firstPostmortem + " <= :at as postmortem_then from incident "
                        + "where incident_id = :incident and " + moment.basis().opened + " <= :at")
                .param("incident", incidentId).param("at", at)
                .query((rs, row) -> new Row(rs.getString("page_id"), rs.getString("title"),
                        WireNames.parse(Impact.class, rs.getString("impact")), rs.getString("postmortem_body"), ReadModel.instant(rs, "first_postmortem_at"),
                        rs.getBoolean("postmortem_then")))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        record Update(UpdateView view, long version) {
        }
        List<Update> updates = jdbc.sql("select update_id, status, label, message, occurred_at, recorded_at, version "
                        + "from incident_update where incident_id = :incident and " + moment.basis().time + " <= :at "
                        + "order by version desc")
                .param("incident", incidentId).param("at", at)
                .query((rs, row) -> new Update(ReadModel.update(rs), rs.getLong("version")))
                .list();
        if (updates.isEmpty()) {
            return Optional.empty();
        }
        List<UpdateView> entries = updates.stream().map(Update::view).toList();
        List<ComponentView> components = jdbc.sql("select c.component_id, c.name, c.group_name, c.position, "
                        + "c.created_at, c.updated_at, (select h.status from component_status_change h "
                        + "where h.page_id = :page and h.component_id = ic.component_id "
                        + "and h.incident_id = ic.incident_id and h."
                        + moment.basis().time + " <= :at order by h." + moment.basis().time + " desc limit 1) as status "
                        + "from incident_component ic "
                        + "join component c on c.page_id = :page and c.component_id = ic.component_id "
                        + "where ic.incident_id = :incident order by ic.first_named, c.position")
                .param("incident", incidentId).param("page", found.get().pageId()).param("at", at)
                .query((rs, row) -> rs.getString("status") == null ? null
                        : ReadModel.component(rs, rs.getString("status")))
                .list().stream().filter(Objects::nonNull).toList();
        Row row = found.get();
        UpdateView latest = entries.get(0);
        Instant opened = entries.get(entries.size() - 1).occurredAt();
        Instant updatedAt = entries.stream().map(UpdateView::occurredAt).max(Instant::compareTo).orElseThrow();
        Instant monitoringAt = entries.stream()
                .filter(entry -> entry.status() == IncidentStatus.MONITORING && entry.label().equals(
                        WireNames.label(IncidentStatus.MONITORING)))
                .map(UpdateView::occurredAt).max(Instant::compareTo).orElse(null);
        Instant resolvedAt = latest.status() == IncidentStatus.RESOLVED ? latest.occurredAt() : null;
        PostmortemView postmortem = row.postmortemThen() && row.postmortemBody() != null
                ? new PostmortemView(row.postmortemBody(), row.firstPostmortemAt()) : null;
        return Optional.of(new IncidentView(incidentId, row.pageId(), row.title(), latest.status(), row.impact(),
                opened, postmortem == null ? updatedAt : later(updatedAt, row.firstPostmortemAt()), monitoringAt,
                resolvedAt, updates.get(0).version(), components, entries, postmortem));
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
