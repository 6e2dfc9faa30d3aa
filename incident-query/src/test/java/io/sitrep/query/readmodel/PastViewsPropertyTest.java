package io.sitrep.query.readmodel;

import static io.sitrep.query.readmodel.RandomIncidents.BEGIN;
import static io.sitrep.query.readmodel.RandomIncidents.COMPONENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.MonitoringStarted;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.query.QueryTestSupport;
import io.sitrep.query.readmodel.PastViews.Basis;
import io.sitrep.query.readmodel.PastViews.Moment;
import io.sitrep.query.readmodel.RandomIncidents.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The past as the read side keeps it, against a fresh fold: for random incidents whose entries are
 * often recorded well after they happened, the page {@code asOf} T equals a new page folded from the
 * events that happened by T (in the order they happened), and the page {@code knownAt} T equals a
 * new page folded from the events recorded by T (in the order they were recorded). The seed is in
 * the test's name; a failure replays with it.
 */
class PastViewsPropertyTest extends QueryTestSupport {

    @Autowired
    ReadModel readModel;

    @Autowired
    PastViews past;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void thePastEqualsAFreshFoldOfTheEventsOfThen(long seed) {
        Random random = new Random(seed);
        String page = unique("past-" + seed);
        List<Recorded> stream = RandomIncidents.of(random, page);
        definePage(page);
        stream.forEach(recorded -> apply(recorded.recordedAt(), recorded.event()));

        Instant last = stream.stream().map(Recorded::recordedAt).max(Comparator.naturalOrder()).orElseThrow();
        for (int check = 0; check < 4; check++) {
            Instant at = BEGIN.plusSeconds(random.nextLong(Duration.between(BEGIN, last).toSeconds() + 1));
            String context = "seed " + seed + ", at " + at;

            List<Recorded> happened = stream.stream().filter(recorded -> !recorded.event().occurredAt().isAfter(at))
                    .sorted(Comparator.comparing((Recorded recorded) -> recorded.event().occurredAt())
                            .thenComparing(Recorded::recordedAt))
                    .toList();
            assertThat(view(page, new Moment(at, Basis.OCCURRED))).as("asOf, " + context)
                    .isEqualTo(fold(page, "asof" + check, happened));

            List<Recorded> known = stream.stream().filter(recorded -> !recorded.recordedAt().isAfter(at)).toList();
            assertThat(view(page, new Moment(at, Basis.RECORDED))).as("knownAt, " + context)
                    .isEqualTo(fold(page, "known" + check, known));
        }
    }

    @Test
    void aPageRecordedLaterHasNoComponentsKnownBefore() {
        String page = unique("past-early");
        definePage(page);

        assertThat(past.components(page, new Moment(BEGIN.minusSeconds(1), Basis.RECORDED))).isEmpty();
        assertThat(past.components(page, new Moment(BEGIN.minusSeconds(1), Basis.OCCURRED))).hasSize(3);
    }

    private void definePage(String page) {
        apply(BEGIN, new PageDefined(page, "Past", "Europe/Berlin", null));
        for (int i = 0; i < COMPONENTS.size(); i++) {
            apply(BEGIN, new ComponentDefined(page, COMPONENTS.get(i), COMPONENTS.get(i), null, i));
        }
    }

    /** A copy of the page with only these events, folded as the consumer folds the live stream. */
    private String fold(String page, String copy, List<Recorded> events) {
        String folded = page + "-" + copy;
        definePage(folded);
        for (Recorded recorded : events) {
            apply(recorded.recordedAt(), renamed(recorded.event(), folded, "-" + copy));
        }
        return view(folded, null).replace(folded, page).replace("-" + copy, "");
    }

    /** The page's components and unresolved incidents as text: now (moment null) or at the moment. */
    private String view(String page, Moment moment) {
        List<ComponentView> components = moment == null ? readModel.components(page) : past.components(page, moment);
        List<IncidentView> unresolved = moment == null ? readModel.unresolved(page) : past.unresolved(page, moment);
        StringBuilder text = new StringBuilder();
        components.forEach(c -> text.append(c.id()).append(':').append(c.status()).append('\n'));
        for (IncidentView i : unresolved) {
            text.append(i.id()).append(' ').append(i.status()).append(' ').append(i.impact()).append(" opened ")
                    .append(i.createdAt()).append(" updated ").append(i.updatedAt()).append(" monitoring ")
                    .append(i.monitoringAt()).append(" version ").append(i.version()).append('\n');
            i.components().forEach(c -> text.append("  ").append(c.id()).append(':').append(c.status()).append('\n'));
            i.updates().forEach(u -> text.append("  ").append(u.id()).append(' ').append(u.label()).append(' ')
                    .append(u.status()).append(' ').append(u.occurredAt()).append(' ').append(u.recordedAt())
                    .append('\n'));
        }
        return text.toString();
    }

    /** The event on another page, its ids with a suffix. */
    private static IncidentEvent renamed(IncidentEvent event, String page, String suffix) {
        String id = event.incidentId() + suffix;
        if (event instanceof IncidentOpened e) {
            return new IncidentOpened(id, page, e.updateId() + suffix, e.title(), e.impact(), e.status(), e.message(),
                    e.components(), e.occurredAt());
        }
        if (event instanceof UpdatePosted e) {
            return new UpdatePosted(id, page, e.updateId() + suffix, e.title(), e.impact(), e.status(),
                    e.incidentStatus(), e.message(), e.components(), e.occurredAt());
        }
        if (event instanceof MonitoringStarted e) {
            return new MonitoringStarted(id, page, e.updateId() + suffix, e.title(), e.impact(), e.message(),
                    e.components(), e.occurredAt());
        }
        IncidentResolved e = (IncidentResolved) event;
        return new IncidentResolved(id, page, e.updateId() + suffix, e.title(), e.impact(), e.message(),
                e.components(), e.occurredAt());
    }
}
