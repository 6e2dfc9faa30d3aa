package io.sitrep.query.readmodel;

import static io.sitrep.events.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.sitrep.events.ComponentStatus.MAJOR_OUTAGE;
import static io.sitrep.events.ComponentStatus.OPERATIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.events.EventEnvelope;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.query.OlarkIncident;
import io.sitrep.query.QueryTestSupport;
import io.sitrep.query.display.PageStatus;
import io.sitrep.query.readmodel.IncidentView;
import io.sitrep.query.readmodel.ReadModel.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The projections, fed events directly: what each event does to the views, and that a replay changes nothing. */
class ProjectorTest extends QueryTestSupport {

    private static final Instant T0 = OlarkIncident.OPENED;

    @Autowired
    ReadModel readModel;

    @Test
    void foldsTheWholeLifecycleOfAnIncident() {
        String page = unique("fold");
        String incident = "inc_" + page;
        List<EventEnvelope> stream = olarkLike(page, incident);
        stream.forEach(projector::apply);

        IncidentView view = readModel.incident(incident).orElseThrow();
        assertThat(view.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(view.version()).as("five events of the incident").isEqualTo(5);
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.monitoringAt()).isEqualTo(T0.plusSeconds(5640));
        assertThat(view.resolvedAt()).isEqualTo(T0.plusSeconds(12000));
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(105420));
        assertThat(view.updates()).extracting(UpdateView::label)
                .containsExactly("Resolved", "Monitoring", "Update", "Investigating");
        assertThat(view.updates()).extracting(UpdateView::status)
                .containsExactly(IncidentStatus.RESOLVED, IncidentStatus.MONITORING, IncidentStatus.INVESTIGATING,
                        IncidentStatus.INVESTIGATING);
        assertThat(view.postmortem().body()).isEqualTo("final");
        assertThat(view.components()).extracting(ComponentView::id).containsExactly("chat", "agents");
        assertThat(view.components()).extracting(ComponentView::status)
                .containsExactly(OPERATIONAL, OPERATIONAL);
        assertThat(readModel.components(page)).extracting(ComponentView::status)
                .containsExactly(OPERATIONAL, OPERATIONAL, OPERATIONAL);
        assertThat(readModel.unresolved(page)).isEmpty();
        assertThat(readModel.page(page).orElseThrow().updatedAt())
                .as("a page changes when its incidents do").isEqualTo(T0.plusSeconds(105420));
    }

    @Test
    void feedingTheSameStreamTwiceGivesTheSameViews() {
        String page = unique("twice");
        String incident = "inc_" + page;
        List<EventEnvelope> stream = olarkLike(page, incident);
        List<Boolean> first = stream.stream().map(projector::apply).toList();
        Object before = snapshot(page, incident);

        List<Boolean> second = stream.stream().map(projector::apply).toList();

        assertThat(first).containsOnly(true);
        assertThat(second).as("a redelivered event is skipped").containsOnly(false);
        assertThat(snapshot(page, incident)).isEqualTo(before);
    }

    @Test
    void aRedeliveryAfterLaterEventsChangesNothing() {
        String page = unique("late");
        String incident = "inc_" + page;
        List<EventEnvelope> stream = olarkLike(page, incident);
        stream.forEach(projector::apply);
        Object before = snapshot(page, incident);

        // A relay retry can send an old batch again after newer events: the opening, the first update.
        assertThat(projector.apply(stream.get(3))).isFalse();
        assertThat(projector.apply(stream.get(4))).isFalse();
        assertThat(projector.apply(stream.get(1))).isFalse();

        assertThat(snapshot(page, incident)).isEqualTo(before);
    }

    @Test
    void aBatchGivesTheViewsThatOneEventAtATimeGives() {
        String single = unique("single");
        String batched = unique("batched");
        olarkLike(single, "inc_" + single).forEach(projector::apply);
        olarkLike(single, "inc_2" + single).subList(4, 9).forEach(projector::apply);
        List<EventEnvelope> first = olarkLike(batched, "inc_" + batched);
        List<EventEnvelope> second = olarkLike(batched, "inc_2" + batched).subList(4, 9);
        // The two incidents' events interleaved: runs of one statement that hold events of both.
        List<EventEnvelope> stream = new ArrayList<>(first.subList(0, 4));
        for (int i = 0; i < 5; i++) {
            stream.add(first.get(4 + i));
            stream.add(second.get(i));
        }

        int applied = projector.apply(stream);
        List<EventEnvelope> redelivered = new ArrayList<>(stream);
        redelivered.addAll(stream);

        assertThat(applied).isEqualTo(14);
        assertThat(projector.apply(redelivered)).as("a redelivered batch, and repeats within it, are skipped").isZero();
        assertThat(snapshot(batched, "inc_" + batched).toString().replace(batched, "PAGE"))
                .isEqualTo(snapshot(single, "inc_" + single).toString().replace(single, "PAGE"));
        assertThat(snapshot(batched, "inc_2" + batched).toString().replace(batched, "PAGE"))
                .isEqualTo(snapshot(single, "inc_2" + single).toString().replace(single, "PAGE"));
    }

    @Test
    void aBatchWithAnEventOfAnUnknownIncidentAppliesNothing() {
        String page = unique("unknown");
        List<EventEnvelope> stream = olarkLike(page, "inc_" + page);
        projector.apply(stream.subList(0, 4));
        List<EventEnvelope> batch = List.of(stream.get(4), envelope(new UpdatePosted("inc_never_opened" + page, page,
                page + "-x", "Never opened", Impact.MINOR, null, IncidentStatus.INVESTIGATING, "lost", Map.of(), T0), T0));

        assertThatThrownBy(() -> projector.apply(batch))
                .hasMessageContaining("incident inc_never_opened" + page + " is unknown");
        assertThat(readModel.incident("inc_" + page)).as("the batch's transaction rolled back whole").isEmpty();
    }

    @Test
    void theLatestEntryNamingAComponentSetsItsStatus() {
        String page = unique("status");
        apply(T0, new PageDefined(page, "Status", "UTC", null), new ComponentDefined(page, "api", "API", null, 0),
                new IncidentOpened("inc_a" + page, page, page + "-u1", "A", Impact.MINOR, IncidentStatus.INVESTIGATING, "m",
                        Map.of("api", DEGRADED_PERFORMANCE), T0),
                new IncidentOpened("inc_b" + page, page, page + "-u2", "B", Impact.MAJOR, IncidentStatus.INVESTIGATING, "m",
                        Map.of("api", MAJOR_OUTAGE), T0.plusSeconds(60)));

        assertThat(readModel.components(page).get(0).status()).isEqualTo(MAJOR_OUTAGE);
        assertThat(readModel.unresolved(page)).extracting(IncidentView::title).containsExactly("B", "A");
        assertThat(PageStatus.of(readModel.unresolved(page), readModel.components(page)).indicator())
                .isEqualTo("critical");
    }

    @Test
    void listsIncidentsNewestFirstAPageAtATime() {
        String page = unique("list");
        apply(T0, new PageDefined(page, "List", "UTC", null));
        for (int i = 0; i < 5; i++) {
            String id = "inc_" + i + page;
            apply(T0, new IncidentOpened(id, page, id + "-u", "Incident " + i, Impact.MINOR,
                    IncidentStatus.INVESTIGATING, "m", Map.of(), T0.plusSeconds(i * 60L)));
            if (i % 2 == 0) {
                apply(T0, new IncidentResolved(id, page, id + "-r", "Incident " + i, Impact.MINOR, "done", Map.of(),
                        T0.plusSeconds(i * 60L + 30)));
            }
        }

        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            IncidentList list = readModel.list(page, Filter.ALL, 2, cursor);
            assertThat(list.items()).hasSizeLessThanOrEqualTo(2);
            list.items().forEach(item -> titles.add(item.title()));
            cursor = list.nextCursor();
        } while (cursor != null);

        assertThat(titles).containsExactly("Incident 4", "Incident 3", "Incident 2", "Incident 1", "Incident 0");
        assertThat(readModel.list(page, Filter.RESOLVED, 10, null).items()).extracting(IncidentView::title)
                .containsExactly("Incident 4", "Incident 2", "Incident 0");
        assertThat(readModel.list(page, Filter.UNRESOLVED, 10, null).items()).extracting(IncidentView::title)
                .containsExactly("Incident 3", "Incident 1");
    }

    /** The Olark incident's 9 events, all recorded at its opening. */
    private List<EventEnvelope> olarkLike(String page, String incident) {
        return OlarkIncident.events(page, incident).stream().map(event -> envelope(event, T0)).toList();
    }

    private Object snapshot(String page, String incident) {
        return List.of(readModel.page(page), readModel.components(page), readModel.incident(incident),
                readModel.list(page, Filter.ALL, 100, null));
    }
}
