package io.sitrep.query.pagecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.query.QueryTestSupport;
import io.sitrep.query.links.PageHostnames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cached page answers are never older than what has been applied: on this instance from the moment
 * the change commits, on another instance sharing the database as soon as it hears of it, and on
 * none while it cannot hear of changes.
 */
class PageCacheTest extends QueryTestSupport {

    private static final Instant T0 = Instant.parse("2024-11-25T16:23:00Z");

    @Autowired
    PageResponseCache cache;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/pages/%s/summary", "/pages/%s/api/v2/summary.json", "/pages/%s"})
    void aChangeAppliedHereIsServedTheMomentItCommits(String address) throws Exception {
        String page = unique("cached");
        String path = address.formatted(page);
        apply(T0, new PageDefined(page, "Cached page", "UTC", null));
        HttpResponse<String> first = get(path);
        HttpResponse<String> kept = get(path);
        assertThat(cache.find(page, "127.0.0.1" + path)).as("kept after the first read").isPresent();
        assertThat(kept.body()).isEqualTo(first.body());
        assertThat(withoutDate(kept.headers().map())).as("the kept answer's headers")
                .isEqualTo(withoutDate(first.headers().map()));

        apply(T0, new IncidentOpened("inc_" + page, page, page + "-u1", "Chat is down", Impact.MAJOR,
                IncidentStatus.INVESTIGATING, "looking", Map.of(), T0));

        HttpResponse<String> after = get(path);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Chat is down");
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
    }

    @Test
    void anotherInstanceStopsServingAPageOnceAChangeToItCommits() {
        PageResponseCache otherCache = new PageResponseCache(Duration.ofMinutes(5), Clock.systemUTC());
        PageChangeListener otherListener = new PageChangeListener(dataSource, otherCache, new PageHostnames(jdbc));
        otherListener.start();
        try {
            String page = unique("elsewhere");
            apply(T0, new PageDefined(page, "Elsewhere", "UTC", null));
            PageResponseCache.Stamp stamp = await().atMost(Duration.ofSeconds(10))
                    .until(() -> otherCache.stamp(page), java.util.Optional::isPresent).orElseThrow();
            otherCache.store(page, "summary", stamp, answer());
            assertThat(otherCache.find(page, "summary")).isPresent();

            apply(T0, new IncidentOpened("inc_" + page, page, page + "-u1", "Down elsewhere", Impact.MINOR,
                    IncidentStatus.INVESTIGATING, "looking", Map.of(), T0));

            await().atMost(Duration.ofSeconds(10)).until(() -> otherCache.find(page, "summary").isEmpty());
        } finally {
            otherListener.stop();
        }
    }

    @Test
    void anotherInstanceHearsWhichPageTookAHostname() {
        PageResponseCache otherCache = new PageResponseCache(Duration.ofMinutes(5), Clock.systemUTC());
        PageHostnames otherHostnames = new PageHostnames(jdbc);
        PageChangeListener otherListener = new PageChangeListener(dataSource, otherCache, otherHostnames);
        otherListener.start();
        try {
            String page = unique("named");
            String hostname = page + ".example.com";
            await().atMost(Duration.ofSeconds(10)).until(() -> otherCache.stamp(page).isPresent());
            assertThat(otherHostnames.pageAt(hostname)).isEmpty();

            apply(T0, new PageDefined(page, "Named", "UTC", hostname));
            await().atMost(Duration.ofSeconds(10)).until(() -> otherHostnames.pageAt(hostname).isPresent());
            assertThat(otherHostnames.pageAt(hostname)).contains(page);

            apply(T0.plusSeconds(1), new PageDefined(page, "Named", "UTC", null));
            await().atMost(Duration.ofSeconds(10)).until(() -> otherHostnames.pageAt(hostname).isEmpty());
        } finally {
            otherListener.stop();
        }
    }

    @Test
    void anInstanceThatCannotHearOfChangesServesNothingFromItsCacheUntilItCanAgain() {
        PageResponseCache otherCache = new PageResponseCache(Duration.ofMinutes(5), Clock.systemUTC());
        PageChangeListener otherListener = new PageChangeListener(dataSource, otherCache, new PageHostnames(jdbc));
        otherListener.start();
        try {
            String page = unique("cut-off");
            PageResponseCache.Stamp stamp = await().atMost(Duration.ofSeconds(10))
                    .until(() -> otherCache.stamp(page), java.util.Optional::isPresent).orElseThrow();
            otherCache.store(page, "summary", stamp, answer());

            // Cut every listening connection, as a network failure or a database restart would.
            jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")
                    .param(PageChangeListener.APPLICATION_NAME).query().rowSet();

            await().atMost(Duration.ofSeconds(10)).until(() -> otherCache.find(page, "summary").isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> otherCache.stamp(page).isPresent());
            assertThat(otherCache.find(page, "summary")).as("kept from before the cut").isEmpty();
        } finally {
            otherListener.stop();
        }
    }

    private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        kept.putAll(headers);
        kept.remove("date");
        return kept;
    }

    private static PageResponseCache.Response answer() {
        return new PageResponseCache.Response(Map.of("ETag", List.of("\"x\"")), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
