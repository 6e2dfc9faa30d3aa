package io.sitrep.query.links;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where one page's HTML, feeds and JSON are: under {@code /pages/{pageId}} of incident-query, or at
 * the root of the page's own host when the request came to it there ({@link CustomDomains}).
 * {@code origin} is scheme, host and port; {@code root} the path of the page's status page, context
 * path included ("" at the root of a host).
 */
public record PageLinks(String origin, String root) {

    /** The page's links as seen by the client of the current request. */
    public static PageLinks of(String pageId) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String contextPath = request.getContextPath();
        String origin = ServletUriComponentsBuilder.fromContextPath(request).replacePath(null).toUriString();
        if (pageId.equals(request.getAttribute(CustomDomains.PAGE_AT_ROOT))) {
            return new PageLinks(origin, contextPath);
        }
        return new PageLinks(origin,
                UriComponentsBuilder.fromPath(contextPath).pathSegment("pages", pageId).encode().toUriString());
    }

    /** The page's status page: {@code https://status.example.com} or {@code .../pages/example}. */
    public String page() {
        return origin + root;
    }

    public String incident(String incidentId) {
        return url("incidents", incidentId);
    }

    /** The address of the page's resource at these path segments, each encoded. */
    public String url(String... segments) {
        return origin + path(segments);
    }

    /** The path (from the host's root) of the page's resource at these path segments, each encoded. */
    public String path(String... segments) {
        String path = UriComponentsBuilder.fromPath(root).pathSegment(segments).encode().toUriString();
        return path.isEmpty() ? "/" : path;
    }
}
