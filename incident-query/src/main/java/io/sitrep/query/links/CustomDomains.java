package io.sitrep.query.links;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves a page with a hostname at the root of that host, as Statuspage serves custom domains: a
 * request whose {@code Host} (port aside) is a page's hostname, for {@code /}, {@code /history},
 * {@code /incidents/{incidentId}}, the feeds or {@code /api/v2/...}, is handled as the same request
 * under {@code /pages/{pageId}}, and marked so that the page's links stay on that host
 * ({@link PageLinks}). Every other request, and every request to a host no page has, goes on as it came.
 */
public class CustomDomains extends OncePerRequestFilter {

    /** The request attribute that names the page a request is served at the root of its host. */
    static final String PAGE_AT_ROOT = CustomDomains.class.getName() + ".page";

    /** The paths of a page at the root of its host. */
    private static final Pattern PAGE_PATHS =
            Pattern.compile("/|/history|/history\\.atom|/history\\.rss|/incidents/[^/]+|/api/v2/.+");

    private final PageHostnames hostnames;

    public CustomDomains(PageHostnames hostnames) {
        this.hostnames = hostnames;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> pageId = PAGE_PATHS.matcher(path).matches()
                ? hostnames.pageAt(hostname(request))
                : Optional.empty();
        if (pageId.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(PAGE_AT_ROOT, pageId.get());
        chain.doFilter(new UnderPage(request, "/pages/" + pageId.get() + (path.equals("/") ? "" : path)), response);
    }

    /** The host the client asked for, as hostnames are stored: lowercase, without a final dot. */
    private static String hostname(HttpServletRequest request) {
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** The request as if it had been made under {@code /pages/{pageId}}. */
    private static final class UnderPage extends HttpServletRequestWrapper {

        private final String servletPath;

        UnderPage(HttpServletRequest request, String servletPath) {
            super(request);
            this.servletPath = servletPath;
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + servletPath;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            url.setLength(url.length() - super.getRequestURI().length());
            return url.append(getRequestURI());
        }

        @Override
        public String getServletPath() {
            return servletPath;
        }
    }
}
