package io.sitrep.command.page;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sitrep.command.CommandRejected;
import io.sitrep.command.page.PageCommands.DefineComponent;
import io.sitrep.command.page.PageCommands.DefinePage;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A status page and its components. Components live inside the page's stream rather than in
 * aggregates of their own: they are few, always addressed through their page, and their order of
 * creation is the page's order, which only the page can number without a race.
 */
@Aggregate
public class Page {

    @AggregateIdentifier
    private String pageId;
    private String name;
    private String timeZone;
    private String hostname;
    private final Map<String, ComponentDefined> components = new LinkedHashMap<>();

    protected Page() {
    }

    /**
     * Creates or changes the page; a definition equal to the stored one records nothing. A hostname
     * belongs to one page at most.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(DefinePage command, PageHostnames pages) {
        String holder = command.hostname() == null ? null : pages.pageWithHostname(command.hostname()).orElse(null);
        if (holder != null && !holder.equals(command.pageId())) {
            throw CommandRejected.contradictsState("hostname",
                    command.hostname() + " is already the hostname of page " + holder);
        }
        boolean created = pageId == null;
        if (created || !command.name().equals(name) || !command.timeZone().equals(timeZone)
                || !Objects.equals(command.hostname(), hostname)) {
            apply(new PageDefined(command.pageId(), command.name(), command.timeZone(), command.hostname()));
        }
        return created;
    }

    /** Creates or changes a component; a new one goes after the page's existing components. */
    @CommandHandler
    public boolean handle(DefineComponent command) {
        ComponentDefined existing = components.get(command.componentId());
        int position = existing == null ? components.size() : existing.position();
        ComponentDefined defined = new ComponentDefined(pageId, command.componentId(), command.name(),
                command.group(), position);
        if (!Objects.equals(defined, existing)) {
            apply(defined);
        }
        return existing == null;
    }

    @EventSourcingHandler
    void on(PageDefined event) {
        pageId = event.pageId();
        name = event.name();
        timeZone = event.timeZone();
        hostname = event.hostname();
    }

    @EventSourcingHandler
    void on(ComponentDefined event) {
        components.put(event.componentId(), event);
    }
}
