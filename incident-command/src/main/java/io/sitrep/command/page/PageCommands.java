package io.sitrep.command.page;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the page aggregate. Their handlers answer whether they created the resource. */
public final class PageCommands {

    private PageCommands() {
    }

    public record DefinePage(@TargetAggregateIdentifier String pageId, String name, String timeZone) {
    }

    /** {@code group} is null for an ungrouped component. */
    public record DefineComponent(@TargetAggregateIdentifier String pageId, String componentId, String name,
                                  String group) {
    }
}
