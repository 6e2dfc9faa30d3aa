package io.sitrep.command.page;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the page aggregate. Their handlers answer whether they created the resource. */
public final class PageCommands {

    private PageCommands() {
    }

    /** {@code hostname} is null for a page without a host name of its own. */
    public record DefinePage(@TargetAggregateIdentifier String pageId, String name, String timeZone,
                             String hostname) {
    }

    /** {@code group} is null for an ungrouped component. */
    public record DefineComponent(@TargetAggregateIdentifier String pageId, String componentId, String name,
                                  String group) {
    }
}
