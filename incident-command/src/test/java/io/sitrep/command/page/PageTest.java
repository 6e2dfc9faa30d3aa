package io.sitrep.command.page;

import io.sitrep.command.CommandRejected;
import io.sitrep.command.page.PageCommands.DefineComponent;
import io.sitrep.command.page.PageCommands.DefinePage;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageTest {

    private static final PageDefined OLARK = new PageDefined("olark", "Olark Live Chat", "America/Los_Angeles", null);

    private AggregateTestFixture<Page> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Page.class);
        Map<String, String> pageByHostname = Map.of("status.olark.com", "olark", "status.tenfold.com", "tenfold");
        fixture.registerInjectableResource((PageHostnames) hostname -> Optional.ofNullable(pageByHostname.get(hostname)));
    }

    @Test
    void definingANewPageCreatesIt() {
        fixture.givenNoPriorActivity()
                .when(new DefinePage("olark", "Olark Live Chat", "America/Los_Angeles", null))
                .expectEvents(OLARK)
                .expectResultMessagePayload(true);
    }

    @Test
    void renamingAPageRecordsTheNewDefinition() {
        fixture.given(OLARK)
                .when(new DefinePage("olark", "Olark", "America/Los_Angeles", null))
                .expectEvents(new PageDefined("olark", "Olark", "America/Los_Angeles", null))
                .expectResultMessagePayload(false);
    }

    @Test
    void changingTheTimeZoneRecordsTheNewDefinition() {
        fixture.given(OLARK)
                .when(new DefinePage("olark", "Olark Live Chat", "Europe/Berlin", null))
                .expectEvents(new PageDefined("olark", "Olark Live Chat", "Europe/Berlin", null));
    }

    @Test
    void definingAPageAsItIsRecordsNothing() {
        fixture.given(OLARK)
                .when(new DefinePage("olark", "Olark Live Chat", "America/Los_Angeles", null))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void givingAPageAHostnameRecordsTheNewDefinition() {
        fixture.given(OLARK)
                .when(new DefinePage("olark", "Olark Live Chat", "America/Los_Angeles", "status.olark.com"))
                .expectEvents(new PageDefined("olark", "Olark Live Chat", "America/Los_Angeles", "status.olark.com"));
    }

    @Test
    void definingAPageWithItsOwnHostnameAgainRecordsNothing() {
        fixture.given(new PageDefined("olark", "Olark Live Chat", "America/Los_Angeles", "status.olark.com"))
                .when(new DefinePage("olark", "Olark Live Chat", "America/Los_Angeles", "status.olark.com"))
                .expectNoEvents();
    }

    @Test
    void definingAPageWithoutAHostnameRemovesIt() {
        fixture.given(new PageDefined("olark", "Olark Live Chat", "America/Los_Angeles", "status.olark.com"))
                .when(new DefinePage("olark", "Olark Live Chat", "America/Los_Angeles", null))
                .expectEvents(OLARK);
    }

    @Test
    void anotherPagesHostnameIsRefused() {
        fixture.given(OLARK)
                .when(new DefinePage("olark", "Olark Live Chat", "America/Los_Angeles", "status.tenfold.com"))
                .expectNoEvents()
                .expectException(CommandRejected.class)
                .expectExceptionMessage("status.tenfold.com is already the hostname of page tenfold");
    }

    @Test
    void componentsArePositionedInTheOrderTheyWereCreated() {
        fixture.given(OLARK, new ComponentDefined("olark", "chat", "Chat", null, 0))
                .when(new DefineComponent("olark", "api", "API", "Platform"))
                .expectEvents(new ComponentDefined("olark", "api", "API", "Platform", 1))
                .expectResultMessagePayload(true);
    }

    @Test
    void changingAComponentKeepsItsPosition() {
        fixture.given(OLARK, new ComponentDefined("olark", "chat", "Chat", null, 0),
                        new ComponentDefined("olark", "api", "API", null, 1))
                .when(new DefineComponent("olark", "chat", "Live chat", "Platform"))
                .expectEvents(new ComponentDefined("olark", "chat", "Live chat", "Platform", 0))
                .expectResultMessagePayload(false);
    }

    @Test
    void definingAComponentWithoutAGroupUngroupsIt() {
        fixture.given(OLARK, new ComponentDefined("olark", "chat", "Chat", "Platform", 0))
                .when(new DefineComponent("olark", "chat", "Chat", null))
                .expectEvents(new ComponentDefined("olark", "chat", "Chat", null, 0));
    }

    @Test
    void definingAComponentAsItIsRecordsNothing() {
        fixture.given(OLARK, new ComponentDefined("olark", "chat", "Chat", "Platform", 0))
                .when(new DefineComponent("olark", "chat", "Chat", "Platform"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void cannotDefineAComponentOnAPageThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new DefineComponent("nowhere", "chat", "Chat", null))
                .expectException(AggregateNotFoundException.class);
    }
}
