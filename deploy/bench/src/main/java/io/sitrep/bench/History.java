package io.sitrep.bench;

import io.sitrep.local.LocalPostgres;
import io.sitrep.local.LocalSystem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The past a store holds before the growth run measures it: incidents as they go, each opened on
 * a random page, updated {@value #UPDATES} times and resolved, so that the pages' histories grow
 * and their unresolved incidents do not. An incident's next write is sent only once its last was
 * answered, so its writes never race one another.
 */
final class History implements Supplier<Request>, Consumer<Response> {

    static final int UPDATES = 3;
    static final int EVENTS_PER_INCIDENT = UPDATES + 2;

    private final List<String> pages;
    private final Queue<String> due = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> written = new ConcurrentHashMap<>();

    History(List<String> pages) {
        this.pages = pages;
    }

    /** The next write of an incident whose last write was answered, or a new incident if none is. */
    @Override
    public Request get() {
        String incident = due.poll();
        if (incident == null) {
            return WriteMix.open(pages.get(ThreadLocalRandom.current().nextInt(pages.size())));
        }
        return written.get(incident) <= UPDATES ? WriteMix.update(incident) : resolve(incident);
    }

    /** Takes a 2xx answer: the incident's next write is due, unless that was its last. */
    @Override
    public void accept(Response answer) {
        String incident = Written.of(answer).incidentId();
        if (written.merge(incident, 1, Integer::sum) < EVENTS_PER_INCIDENT) {
            due.add(incident);
        } else {
            written.remove(incident);
        }
    }

    /**
     * Leaves both databases as months of that history would have: vacuumed and analysed (as
     * autovacuum would have done long since, rather than while the phases measure) and checkpointed.
     */
    static void settle(LocalSystem system) {
        LocalPostgres postgres = system.postgres();
        for (LocalSystem.Service service : system.services()) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(service.database()),
                    postgres.username(), postgres.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("VACUUM (ANALYZE)");
                statement.execute("CHECKPOINT");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not vacuum " + service.database(), e);
            }
        }
    }

    static Request resolve(String incident) {
        return Request.post("/api/v1/incidents/" + incident + "/resolve",
                "{\"message\":\"This incident has been resolved.\"}");
    }
}
