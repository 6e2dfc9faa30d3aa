package io.sitrep.query.links;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which page has which hostname, read from the read model and kept in memory: a request to a host
 * nobody named costs no query. What is kept is dropped when any instance commits a page definition
 * (the page-change listener hears of it), and kept only while that listener is connected; without
 * it, every lookup reads the read model.
 */
@Component
public class PageHostnames {

    /** The hostnames as read at a generation of changes. */
    private record Known(long generation, Map<String, String> pageByHostname) {
    }

    private final JdbcClient jdbc;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile Known known;

    public PageHostnames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The page that has this hostname (lowercase, no port), if any. */
    public Optional<String> pageAt(String hostname) {
        Known current = known;
        if (current == null || current.generation() != generation.get()) {
            // Read the generation first: a change that commits while reading makes what was read stale.
            current = new Known(generation.get(), read());
            if (listening) {
                known = current;
            }
        }
        return Optional.ofNullable(current.pageByHostname().get(hostname));
    }

    /** Some page's hostname may have changed. */
    public void changed() {
        generation.incrementAndGet();
    }

    /** Whether this instance now hears of every change; while not, nothing is kept. */
    public void listening(boolean listening) {
        this.listening = listening;
        generation.incrementAndGet();
    }

    /**
     * While a hostname moves between two pages, the read model may show it on both (their events
     * arrive in either order); the page defined last has it.
     */
    private Map<String, String> read() {
        Map<String, String> pageByHostname = new HashMap<>();
        jdbc.sql("select hostname, page_id from page where hostname is not null order by updated_at, page_id")
                .query((RowCallbackHandler) rs ->
                        pageByHostname.put(rs.getString("hostname"), rs.getString("page_id")));
        return pageByHostname;
    }
}
