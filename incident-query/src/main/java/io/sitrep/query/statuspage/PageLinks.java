package io.sitrep.query.statuspage;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The absolute addresses of a page's HTML, as the public JSON and the feeds link to them.
 * {@code base} is where incident-query is reached: scheme, host, port and context path.
 */
public record PageLinks(String base) {

    /** The links as seen by the client of the current request. */
    public static PageLinks ofCurrentRequest() {
        return new PageLinks(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
    }

    public String page(String pageId) {
        return url("pages", pageId);
    }

    public String incident(String pageId, String incidentId) {
        return url("pages", pageId, "incidents", incidentId);
    }

    /** The address under {@code base} made of these path segments, each encoded. */
    public String url(String... segments) {
        return UriComponentsBuilder.fromUriString(base).pathSegment(segments).encode().toUriString();
    }
}
