package io.sitrep.events;

/**
 * What happens to a status page and its components. Components belong to their page's stream,
 * so a page lists them in the order they were defined.
 */
public sealed interface PageEvent extends SitrepEvent permits PageEvent.PageDefined, PageEvent.ComponentDefined {

    /**
     * A page was created or changed: its name, time zone or hostname. {@code timeZone} is an IANA
     * zone id; {@code hostname} is the page's own host name (a custom domain), or null when it has
     * none, as in every event recorded before pages had one.
     */
    record PageDefined(String pageId, String name, String timeZone, String hostname) implements PageEvent {

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
