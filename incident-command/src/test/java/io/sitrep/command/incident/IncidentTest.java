package io.sitrep.command.incident;

import static io.sitrep.command.Rejections.rejectedAs;
import static io.sitrep.events.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.sitrep.events.ComponentStatus.MAJOR_OUTAGE;
import static io.sitrep.events.ComponentStatus.OPERATIONAL;
import static io.sitrep.events.ComponentStatus.PARTIAL_OUTAGE;

import io.sitrep.command.CommandRejected.Reason;
import io.sitrep.command.incident.IncidentCommands.IncidentWritten;
import io.sitrep.command.incident.IncidentCommands.OpenIncident;
import io.sitrep.command.incident.IncidentCommands.PostUpdate;
import io.sitrep.command.incident.IncidentCommands.PublishPostmortem;
import io.sitrep.command.incident.IncidentCommands.ResolveIncident;
import io.sitrep.command.incident.IncidentCommands.StartMonitoring;
import io.sitrep.command.page.PageCatalog;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.MonitoringStarted;
import io.sitrep.events.IncidentEvent.PostmortemPublished;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every transition of the incident lifecycle, and every rejection, one behaviour per test. */
class IncidentTest {

    static final String ID = "inc_aaaaaaaaaaaaaaaa";
    static final String PAGE = "olark";
    static final String TITLE = "Incident Alerted";
    static final Instant NOW = Instant.parse("2024-11-25T17:00:00Z");
    static final Instant OPENED_AT = Instant.parse("2024-11-25T16:23:00Z");
    static final Set<String> PAGE_COMPONENTS = IntStream.range(0, 150).mapToObj(i -> "c" + i)
            .collect(Collectors.toCollection(() -> new java.util.HashSet<>(Set.of("chat", "agents", "api"))));

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(
                (PageCatalog) pageId -> PAGE.equals(pageId) ? Optional.of(PAGE_COMPONENTS) : Optional.empty());
    }

    // Opening

    @Test
    void opensAnIncidentOnAPage() {
        fixture.givenNoPriorActivity()
                .when(new OpenIncident(ID, PAGE, "upd_1", TITLE, Impact.MAJOR, OpeningStatus.INVESTIGATING,
                        "We've detected an issue.", Map.of("chat", PARTIAL_OUTAGE), OPENED_AT))
                .expectEvents(new IncidentOpened(ID, PAGE, "upd_1", TITLE, Impact.MAJOR, IncidentStatus.INVESTIGATING,
                        "We've detected an issue.", Map.of("chat", PARTIAL_OUTAGE), OPENED_AT))
                .expectResultMessagePayload(new IncidentWritten(ID, 1));
    }

    @Test
    void opensAnIncidentAlreadyIdentifiedOrMonitoring() {
        fixture.givenNoPriorActivity()
                .when(open(OpeningStatus.MONITORING, Map.of(), null))
                .expectEvents(new IncidentOpened(ID, PAGE, "upd_1", TITLE, Impact.MINOR, IncidentStatus.MONITORING,
                        "opened", Map.of(), NOW));
    }

    @Test
    void anIncidentWithoutOccurredAtHappenedNow() {
        fixture.givenNoPriorActivity()
                .when(open(OpeningStatus.IDENTIFIED, Map.of(), null))
                .expectEvents(new IncidentOpened(ID, PAGE, "upd_1", TITLE, Impact.MINOR, IncidentStatus.IDENTIFIED,
                        "opened", Map.of(), NOW));
    }

    @Test
    void cannotOpenAnIncidentOnAPageThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new OpenIncident(ID, "nowhere", "upd_1", TITLE, Impact.MINOR, OpeningStatus.INVESTIGATING,
                        "opened", Map.of(), null))
                .expectException(rejectedAs(Reason.NOT_FOUND));
    }

    @Test
    void cannotOpenAnIncidentNamingAComponentThePageLacks() {
        fixture.givenNoPriorActivity()
                .when(open(OpeningStatus.INVESTIGATING, Map.of("billing", MAJOR_OUTAGE), null))
                .expectException(rejectedAs(Reason.CONTRADICTS_STATE))
                .expectNoEvents();
    }

    @Test
    void canBackdateAnIncident() {
        Instant lastWeek = NOW.minusSeconds(7 * 24 * 3600);
        fixture.givenNoPriorActivity()
                .when(open(OpeningStatus.INVESTIGATING, Map.of(), lastWeek))
                .expectEvents(new IncidentOpened(ID, PAGE, "upd_1", TITLE, Impact.MINOR,
                        IncidentStatus.INVESTIGATING, "opened", Map.of(), lastWeek));
    }

    @Test
    void canDateAnIncidentUpTo60SecondsAhead() {
        fixture.givenNoPriorActivity()
                .when(open(OpeningStatus.INVESTIGATING, Map.of(), NOW.plusSeconds(60)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotDateAnIncidentMoreThan60SecondsAhead() {
        fixture.givenNoPriorActivity()
                .when(open(OpeningStatus.INVESTIGATING, Map.of(), NOW.plusSeconds(61)))
                .expectException(rejectedAs(Reason.CONTRADICTS_STATE));
    }

    @Test
    void cannotOpenAnIncidentNamingMoreThan100Components() {
        fixture.givenNoPriorActivity()
                .when(open(OpeningStatus.INVESTIGATING, components(101, PARTIAL_OUTAGE), null))
                .expectException(rejectedAs(Reason.CONTRADICTS_STATE));
    }

    // Updates

    @Test
    void aPlainUpdateKeepsTheStatusAndCarriesNone() {
        fixture.given(opened(IncidentStatus.IDENTIFIED))
                .when(new PostUpdate(ID, null, "upd_2", null, "still on it", Map.of(), null))
                .expectEvents(new UpdatePosted(ID, PAGE, "upd_2", TITLE, Impact.MINOR, null, IncidentStatus.IDENTIFIED,
                        "still on it", Map.of(), NOW))
                .expectResultMessagePayload(new IncidentWritten(ID, 2));
    }

    @Test
    void anUpdateMovesInvestigatingToIdentified() {
        fixture.given(opened(IncidentStatus.INVESTIGATING))
                .when(new PostUpdate(ID, null, "upd_2", UpdateStatus.IDENTIFIED, "found it",
                        Map.of("chat", DEGRADED_PERFORMANCE), null))
                .expectEvents(new UpdatePosted(ID, PAGE, "upd_2", TITLE, Impact.MINOR, IncidentStatus.IDENTIFIED,
                        IncidentStatus.IDENTIFIED, "found it", Map.of("chat", DEGRADED_PERFORMANCE), NOW));
    }

    @Test
    void anUpdateMovesIdentifiedBackToInvestigating() {
        fixture.given(opened(IncidentStatus.IDENTIFIED))
                .when(new PostUpdate(ID, null, "upd_2", UpdateStatus.INVESTIGATING, "not it after all", Map.of(), null))
                .expectEvents(new UpdatePosted(ID, PAGE, "upd_2", TITLE, Impact.MINOR, IncidentStatus.INVESTIGATING,
                        IncidentStatus.INVESTIGATING, "not it after all", Map.of(), NOW));
    }

    @Test
    void anUpdateTakesAMonitoringIncidentBackToInvestigating() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), monitoring())
                .when(new PostUpdate(ID, null, "upd_3", UpdateStatus.INVESTIGATING, "it is back", Map.of(), null))
                .expectEvents(new UpdatePosted(ID, PAGE, "upd_3", TITLE, Impact.MINOR, IncidentStatus.INVESTIGATING,
                        IncidentStatus.INVESTIGATING, "it is back", Map.of(), NOW));
    }

    @Test
    void aPlainUpdateOfAMonitoringIncidentKeepsItMonitoring() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), monitoring())
                .when(new PostUpdate(ID, null, "upd_3", null, "still watching", Map.of(), null))
                .expectEvents(new UpdatePosted(ID, PAGE, "upd_3", TITLE, Impact.MINOR, null, IncidentStatus.MONITORING,
                        "still watching", Map.of(), NOW));
    }

    @Test
    void cannotUpdateAResolvedIncident() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), resolved(Map.of()))
                .when(new PostUpdate(ID, null, "upd_3", null, "late news", Map.of(), null))
                .expectException(rejectedAs(Reason.ILLEGAL_TRANSITION));
    }

    @Test
    void cannotUpdateNamingAComponentThePageLacks() {
        fixture.given(opened(IncidentStatus.INVESTIGATING))
                .when(new PostUpdate(ID, null, "upd_2", null, "news", Map.of("billing", MAJOR_OUTAGE), null))
                .expectException(rejectedAs(Reason.CONTRADICTS_STATE));
    }

    @Test
    void cannotPostAnEntryEarlierThanThePreviousOne() {
        fixture.given(opened(IncidentStatus.INVESTIGATING))
                .when(new PostUpdate(ID, null, "upd_2", null, "news", Map.of(), OPENED_AT.minusSeconds(1)))
                .expectException(rejectedAs(Reason.CONTRADICTS_STATE));
    }

    @Test
    void canPostAnEntryAtTheSameInstantAsThePreviousOne() {
        fixture.given(opened(IncidentStatus.INVESTIGATING))
                .when(new PostUpdate(ID, null, "upd_2", null, "news", Map.of(), OPENED_AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anEntryWithoutOccurredAtNeverGoesBeforeAPreviousEntryDatedAhead() {
        Instant ahead = NOW.plusSeconds(30);
        fixture.given(new IncidentOpened(ID, PAGE, "upd_1", TITLE, Impact.MINOR, IncidentStatus.INVESTIGATING,
                        "opened", Map.of(), ahead))
                .when(new PostUpdate(ID, null, "upd_2", null, "news", Map.of(), null))
                .expectEvents(new UpdatePosted(ID, PAGE, "upd_2", TITLE, Impact.MINOR, null,
                        IncidentStatus.INVESTIGATING, "news", Map.of(), ahead));
    }

    @Test
    void theThousandthUpdateIsAcceptedAndTheNextRefused() {
        List<Object> history = new ArrayList<>();
        history.add(opened(IncidentStatus.INVESTIGATING));
        for (int i = 2; i <= 999; i++) {
            history.add(new UpdatePosted(ID, PAGE, "upd_" + i, TITLE, Impact.MINOR, null,
                    IncidentStatus.INVESTIGATING, "news", Map.of(), OPENED_AT));
        }
        fixture.given(history)
                .when(new PostUpdate(ID, null, "upd_1000", null, "the thousandth", Map.of(), null))
                .expectSuccessfulHandlerExecution();
        history.add(new UpdatePosted(ID, PAGE, "upd_1000", TITLE, Impact.MINOR, null,
                IncidentStatus.INVESTIGATING, "news", Map.of(), OPENED_AT));
        setUp();
        fixture.given(history)
                .when(new PostUpdate(ID, null, "upd_1001", null, "one too many", Map.of(), null))
                .expectException(rejectedAs(Reason.CONTRADICTS_STATE));
    }

    @Test
    void cannotNameMoreThan100ComponentsOverAnIncidentsLife() {
        fixture.given(new IncidentOpened(ID, PAGE, "upd_1", TITLE, Impact.MINOR, IncidentStatus.INVESTIGATING,
                        "opened", components(100, PARTIAL_OUTAGE), OPENED_AT))
                .when(new PostUpdate(ID, null, "upd_2", null, "news", Map.of("chat", MAJOR_OUTAGE), null))
                .expectException(rejectedAs(Reason.CONTRADICTS_STATE));
    }

    // If-Match

    @Test
    void aCommandConditionalOnTheCurrentVersionSucceeds() {
        fixture.given(opened(IncidentStatus.INVESTIGATING))
                .when(new PostUpdate(ID, 1L, "upd_2", null, "news", Map.of(), null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new IncidentWritten(ID, 2));
    }

    @Test
    void aCommandConditionalOnAStaleVersionIsRefused() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), monitoring())
                .when(new ResolveIncident(ID, 1L, "upd_3", "fixed", Map.of(), null))
                .expectException(rejectedAs(Reason.STALE_VERSION))
                .expectNoEvents();
    }

    @Test
    void aStaleVersionIsReportedBeforeAnIllegalTransition() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), monitoring())
                .when(new StartMonitoring(ID, 1L, "upd_3", "again", Map.of(), null))
                .expectException(rejectedAs(Reason.STALE_VERSION));
    }

    // Monitoring

    @Test
    void marksAnInvestigatingIncidentMonitoring() {
        fixture.given(opened(IncidentStatus.INVESTIGATING))
                .when(new StartMonitoring(ID, null, "upd_2", "fix deployed", Map.of("chat", DEGRADED_PERFORMANCE), null))
                .expectEvents(new MonitoringStarted(ID, PAGE, "upd_2", TITLE, Impact.MINOR, "fix deployed",
                        Map.of("chat", DEGRADED_PERFORMANCE), NOW));
    }

    @Test
    void marksAnIdentifiedIncidentMonitoring() {
        fixture.given(opened(IncidentStatus.IDENTIFIED))
                .when(new StartMonitoring(ID, null, "upd_2", "fix deployed", Map.of(), null))
                .expectEvents(new MonitoringStarted(ID, PAGE, "upd_2", TITLE, Impact.MINOR, "fix deployed",
                        Map.of(), NOW));
    }

    @Test
    void cannotMarkAMonitoringIncidentMonitoringAgain() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), monitoring())
                .when(new StartMonitoring(ID, null, "upd_3", "again", Map.of(), null))
                .expectException(rejectedAs(Reason.ILLEGAL_TRANSITION));
    }

    @Test
    void cannotMarkAResolvedIncidentMonitoring() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), resolved(Map.of()))
                .when(new StartMonitoring(ID, null, "upd_3", "again", Map.of(), null))
                .expectException(rejectedAs(Reason.ILLEGAL_TRANSITION));
    }

    // Resolving

    @Test
    void resolvesAnInvestigatingIncident() {
        fixture.given(opened(IncidentStatus.INVESTIGATING))
                .when(new ResolveIncident(ID, null, "upd_2", "resolved", Map.of(), null))
                .expectEvents(new IncidentResolved(ID, PAGE, "upd_2", TITLE, Impact.MINOR, "resolved", Map.of(), NOW));
    }

    @Test
    void resolvesAnIdentifiedIncident() {
        fixture.given(opened(IncidentStatus.IDENTIFIED))
                .when(new ResolveIncident(ID, null, "upd_2", "resolved", Map.of(), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void resolvesAMonitoringIncident() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), monitoring())
                .when(new ResolveIncident(ID, null, "upd_3", "resolved", Map.of(), null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new IncidentWritten(ID, 3));
    }

    @Test
    void resolvingReturnsTheComponentsItDoesNotNameToOperational() {
        Map<String, ComponentStatus> named = new LinkedHashMap<>();
        named.put("chat", PARTIAL_OUTAGE);
        named.put("agents", MAJOR_OUTAGE);
        fixture.given(new IncidentOpened(ID, PAGE, "upd_1", TITLE, Impact.MINOR, IncidentStatus.INVESTIGATING,
                        "opened", named, OPENED_AT))
                .when(new ResolveIncident(ID, null, "upd_2", "mostly fixed", Map.of("agents", DEGRADED_PERFORMANCE),
                        null))
                .expectEvents(new IncidentResolved(ID, PAGE, "upd_2", TITLE, Impact.MINOR, "mostly fixed",
                        Map.of("chat", OPERATIONAL, "agents", DEGRADED_PERFORMANCE), NOW));
    }

    @Test
    void cannotResolveAResolvedIncident() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), resolved(Map.of()))
                .when(new ResolveIncident(ID, null, "upd_3", "again", Map.of(), null))
                .expectException(rejectedAs(Reason.ILLEGAL_TRANSITION));
    }

    // Postmortems

    @Test
    void publishesAPostmortemOnceResolved() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), resolved(Map.of()))
                .when(new PublishPostmortem(ID, null, "## What happened", null))
                .expectEvents(new PostmortemPublished(ID, PAGE, TITLE, Impact.MINOR, "## What happened", NOW))
                .expectResultMessagePayload(new IncidentWritten(ID, 3));
    }

    @Test
    void publishingAgainRevisesThePostmortem() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), resolved(Map.of()),
                        new PostmortemPublished(ID, PAGE, TITLE, Impact.MINOR, "draft", OPENED_AT))
                .when(new PublishPostmortem(ID, null, "final", null))
                .expectEvents(new PostmortemPublished(ID, PAGE, TITLE, Impact.MINOR, "final", NOW));
    }

    @Test
    void aResolvedIncidentWithAPostmortemTakesNoUpdates() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), resolved(Map.of()),
                        new PostmortemPublished(ID, PAGE, TITLE, Impact.MINOR, "draft", OPENED_AT))
                .when(new PostUpdate(ID, null, "upd_3", UpdateStatus.INVESTIGATING, "reopen?", Map.of(), null))
                .expectException(rejectedAs(Reason.ILLEGAL_TRANSITION));
    }

    @Test
    void cannotPublishAPostmortemBeforeResolution() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), monitoring())
                .when(new PublishPostmortem(ID, null, "too early", null))
                .expectException(rejectedAs(Reason.ILLEGAL_TRANSITION));
    }

    @Test
    void cannotBackdateAPostmortemBeforeTheResolution() {
        fixture.given(opened(IncidentStatus.INVESTIGATING), resolved(Map.of()))
                .when(new PublishPostmortem(ID, null, "backdated", OPENED_AT))
                .expectException(rejectedAs(Reason.CONTRADICTS_STATE));
    }

    // Helpers

    private static OpenIncident open(OpeningStatus status, Map<String, ComponentStatus> components, Instant at) {
        return new OpenIncident(ID, PAGE, "upd_1", TITLE, Impact.MINOR, status, "opened", components, at);
    }

    private static IncidentOpened opened(IncidentStatus status) {
        return new IncidentOpened(ID, PAGE, "upd_1", TITLE, Impact.MINOR, status, "opened", Map.of(), OPENED_AT);
    }

    private static IncidentEvent monitoring() {
        return new MonitoringStarted(ID, PAGE, "upd_2", TITLE, Impact.MINOR, "fix deployed", Map.of(),
                OPENED_AT.plusSeconds(60));
    }

    private static IncidentEvent resolved(Map<String, ComponentStatus> components) {
        return new IncidentResolved(ID, PAGE, "upd_2", TITLE, Impact.MINOR, "resolved", components,
                OPENED_AT.plusSeconds(120));
    }

    private static Map<String, ComponentStatus> components(int count, ComponentStatus status) {
        Map<String, ComponentStatus> components = new LinkedHashMap<>();
        IntStream.range(0, count).forEach(i -> components.put("c" + i, status));
        return components;
    }
}
