package io.sitrep.query.readmodel;

import io.sitrep.events.EventEnvelope;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.PageEvent;
import io.sitrep.events.SitrepEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds events into the read models ({@link Projection}), each by its own projection
 * ({@link PageProjection}, {@link IncidentProjection}, {@link UptimeProjection}). Each page and
 * incident row remembers the version of the last event it applied, and an event at or below it is
 * skipped, as is an entry already in the status history: a redelivered or replayed stream changes
 * nothing. An event type no projection handles is refused ({@link #unhandled}); a test feeds every
 * event type to the projector, so that a new one cannot ship unhandled.
 *
 * <p>The bean folds live events into every read model. A rebuild makes its own projector
 * ({@link #rebuilding}) for the new copy of one read model.
 */
@Component
public class Projector {

    /**
     * The advisory lock that every live read-model transaction holds shared, and that a rebuild's
     * switch-over takes alone: while it does, nothing is half-applied to the tables it replaces.
     */
    public static final long SWITCH_OVER_LOCK = 0x5349_5452_4550L;

    private final JdbcClient jdbc;
    private final PageProjection pages;
    private final IncidentProjection incidents;
    private final UptimeProjection uptime;
    private final boolean live;

    @Autowired
    Projector(JdbcTemplate jdbc, ReadModelChanges changes) {
        this(EnumSet.allOf(Projection.class), jdbc, changes, true);
    }

    private Projector(Set<Projection> projections, JdbcTemplate jdbc, ReadModelChanges changes, boolean live) {
        this.jdbc = JdbcClient.create(jdbc);
        boolean statusPages = projections.contains(Projection.STATUS_PAGES);
        this.pages = statusPages ? new PageProjection(this.jdbc, changes) : null;
        this.incidents = statusPages ? new IncidentProjection(this.jdbc, changes) : null;
        this.uptime = projections.contains(Projection.UPTIME) ? new UptimeProjection(this.jdbc) : null;
        this.live = live;
    }

    /**
     * A projector that folds events into one read model's tables where {@code jdbc}'s connections
     * find them, telling no cache: the new copy a rebuild fills, which nobody reads yet.
     */
    public static Projector rebuilding(Projection projection, JdbcTemplate jdbc) {
        return new Projector(EnumSet.of(projection), jdbc, ReadModelChanges.NONE, false);
    }

    /**
     * Applies the event in one transaction (or in the caller's); answers false when it had been
     * applied already.
     */
    @Transactional
    public boolean apply(EventEnvelope envelope) {
        return apply(List.of(envelope)) == 1;
    }

    /**
     * Applies the events, in their order, in one transaction (or in the caller's); answers how many
     * had not been applied before (to the status pages; a projector of the uptime history alone
     * counts the entries new to it). Whatever caches the pages' answers hears of the changes once it
     * commits.
     */
    @Transactional
    public int apply(List<EventEnvelope> envelopes) {
        if (live) {
            jdbc.sql("select 1 from pg_advisory_xact_lock_shared(?)").param(SWITCH_OVER_LOCK).query(Integer.class).single();
        }
        IncidentProjection.Batch incidentBatch = incidents == null ? null : incidents.batch();
        UptimeProjection.Batch uptimeBatch = uptime == null ? null : uptime.batch();
        int applied = 0;
        for (EventEnvelope envelope : envelopes) {
            SitrepEvent event = envelope.event();
            if (event instanceof IncidentEvent incident) {
                Entry entry = Entry.of(incident);
                if (incidentBatch != null) {
                    incidentBatch.add(incident, entry, envelope);
                }
                if (uptimeBatch != null) {
                    uptimeBatch.add(incident, entry, envelope);
                }
            } else if (event instanceof PageEvent page) {
                if (pages != null) {
                    applied += incidentBatch.flush();
                    applied += pages.apply(page, envelope) ? 1 : 0;
                }
            } else {
                throw unhandled(event);
            }
        }
        int newEntries = uptimeBatch == null ? 0 : uptimeBatch.finish();
        return incidentBatch == null ? newEntries : applied + incidentBatch.finish();
    }

    /** The refusal of an event no projection handles: not retried, it goes to the dead-letter topic. */
    static IllegalArgumentException unhandled(SitrepEvent event) {
        return new IllegalArgumentException("no projection handles " + event.getClass().getName());
    }
}
