package io.sitrep.events;

/**
 * What happens to a status page and its components. Components belong to their page's stream,
 * so a page lists them in the order they were defined.
 */
public sealed interface PageEvent extends SitrepEvent permits PageEvent.PageDefined, PageEvent.ComponentDefined {

    /** A page was created or renamed, or its time zone changed. {@code timeZone} is an IANA zone id. */
    record PageDefined(String pageId, String name, String timeZone) implements PageEvent {

        @Override
        public String subject() {
            return pageId;
        }
    }

    /**
     * A component was created or changed. {@code group} is null for an ungrouped component;
     * {@code position} counts from 0 in the order the page's components were created.
     */
    record ComponentDefined(String pageId, String componentId, String name, String group, int position)
            implements PageEvent {

        @Override
        public String subject() {
            return componentId;
        }
    }
}
