package io.sitrep.query.readmodel;

import io.sitrep.events.EventEnvelope;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.PageEvent;
import io.sitrep.events.SitrepEvent;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds events into the read models, each family by its own projection ({@link PageProjection},
 * {@link IncidentProjection}). Each page and incident row remembers the version of the last event
 * it applied, and an event at or below it is skipped: a redelivered or replayed stream changes
 * nothing. An event type no projection handles is refused ({@link #unhandled}); a test feeds every
 * event type to the projector, so that a new one cannot ship unhandled.
 */
@Component
public class Projector {

    private final PageProjection pages;
    private final IncidentProjection incidents;

    Projector(PageProjection pages, IncidentProjection incidents) {
        this.pages = pages;
        this.incidents = incidents;
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
     * had not been applied before. Whatever caches the pages' answers hears of the changes once it
     * commits.
     */
    @Transactional
    public int apply(List<EventEnvelope> envelopes) {
        IncidentProjection.Batch batch = incidents.batch();
        int applied = 0;
        for (EventEnvelope envelope : envelopes) {
            SitrepEvent event = envelope.event();
            if (event instanceof IncidentEvent incident) {
                applied += batch.add(incident, envelope);
            } else if (event instanceof PageEvent page) {
                applied += batch.flush();
                applied += pages.apply(page, envelope) ? 1 : 0;
            } else {
                throw unhandled(event);
            }
        }
        return applied + batch.finish();
    }

    /** The refusal of an event no projection handles: not retried, it goes to the dead-letter topic. */
    static IllegalArgumentException unhandled(SitrepEvent event) {
        return new IllegalArgumentException("no projection handles " + event.getClass().getName());
    }
}
