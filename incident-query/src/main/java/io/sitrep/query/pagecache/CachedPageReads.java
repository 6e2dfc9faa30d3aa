package io.sitrep.query.pagecache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the reads a status page gets most while something is on fire, the ones that widgets,
 * browsers and monitors poll, from {@link PageResponseCache}: the page's summary, the
 * Statuspage-compatible JSON and the HTML status page. A miss is answered as usual and its 200 kept,
 * headers and all (ETag included: this filter sits outside the ETag filter, and answers a matching
 * {@code If-None-Match} with a 304 itself).
 */
class CachedPageReads extends OncePerRequestFilter {

    private static final Pattern CACHED = Pattern.compile(
            "/api/v1/pages/([^/]+)/summary|/pages/([^/]+)|/pages/([^/]+)/api/v2/[a-z/-]+\\.json");
    /** Set per response by the server, or meaningless on another response. */
    private static final Set<String> NOT_REPLAYED = Set.of(HttpHeaders.CONTENT_LENGTH.toLowerCase(),
            HttpHeaders.DATE.toLowerCase(), HttpHeaders.TRANSFER_ENCODING.toLowerCase(),
            HttpHeaders.CONNECTION.toLowerCase(), HttpHeaders.SET_COOKIE.toLowerCase());

    private final PageResponseCache cache;
    private final Counter hits;
    private final Counter misses;
    private final Counter uncached;

    CachedPageReads(PageResponseCache cache, MeterRegistry meters) {
        this.cache = cache;
        this.hits = requests(meters, "hit");
        this.misses = requests(meters, "miss");
        this.uncached = requests(meters, "off");
    }

    /**
     * {@code sitrep.page.cache.requests}: the page reads the cache can answer, by result: {@code hit}
     * (answered from it), {@code miss} (built, then kept) and {@code off} (built, not kept: the cache
     * is off while the page-change listener cannot hear every change).
     */
    private static Counter requests(MeterRegistry meters, String result) {
        return Counter.builder("sitrep.page.cache.requests").baseUnit("requests").tag("result", result)
                .description("Page reads the page cache can answer, by result: hit, miss (built and kept), off")
                .register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher cached = CACHED.matcher(request.getRequestURI());
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null || !cached.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String pageId = pageIdOf(cached);
        // The answer differs by host (links) and, for cross-origin scripts, by CORS headers.
        String key = request.getServerName() + request.getRequestURI()
                + (request.getHeader(HttpHeaders.ORIGIN) == null ? "" : " cors");
        Optional<PageResponseCache.Response> hit = cache.find(pageId, key);
        if (hit.isPresent()) {
            hits.increment();
            send(hit.get(), request, response);
            return;
        }
        Optional<PageResponseCache.Stamp> stamp = cache.stamp(pageId);
        if (stamp.isEmpty()) {
            uncached.increment();
            chain.doFilter(request, response);
            return;
        }
        Optional<Runnable> led = cache.lead(key);
        if (led.isEmpty()) {
            hit = cache.find(pageId, key);
            if (hit.isPresent()) {
                hits.increment();
                send(hit.get(), request, response);
                return;
            }
        }
        misses.increment();
        try {
            Captured captured = new Captured(response);
            chain.doFilter(request, captured);
            if (captured.getStatus() == HttpServletResponse.SC_OK && captured.getHeader(HttpHeaders.SET_COOKIE) == null) {
                cache.store(pageId, key, stamp.get(), new PageResponseCache.Response(headersOf(captured),
                        captured.getContentAsByteArray()));
            }
            captured.copyBodyToResponse();
        } finally {
            led.ifPresent(Runnable::run);
        }
    }

    private static String pageIdOf(Matcher matched) {
        for (int group = 1; group <= matched.groupCount(); group++) {
            if (matched.group(group) != null) {
                return matched.group(group);
            }
        }
        throw new IllegalStateException("no page id in " + matched.group());
    }

    private static Map<String, List<String>> headersOf(Captured response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase())) {
                headers.put(name, List.copyOf(response.getHeaders(name)));
            }
        }
        if (response.getContentType() != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, List.of(response.getContentType()));
        }
        if (response.locale != null) {
            headers.put(HttpHeaders.CONTENT_LANGUAGE, List.of(response.locale.toLanguageTag()));
        }
        return headers;
    }

    /**
     * The answer as the application wrote it, with the locale a view set: the server sends that as
     * {@code Content-Language} only when it sends the answer, so it is not among the headers.
     */
    private static final class Captured extends ContentCachingResponseWrapper {

        private Locale locale;

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setLocale(Locale locale) {
            super.setLocale(locale);
            this.locale = locale;
        }
    }

    private static void send(PageResponseCache.Response cached, HttpServletRequest request,
                             HttpServletResponse response) throws IOException {
        cached.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        List<String> etag = cached.headers().get(HttpHeaders.ETAG);
        if (etag != null && new ServletWebRequest(request, response).checkNotModified(etag.get(0))) {
            return; // a 304, as the ETag filter answers
        }
        response.setContentLength(cached.body().length);
        response.getOutputStream().write(cached.body());
    }
}
