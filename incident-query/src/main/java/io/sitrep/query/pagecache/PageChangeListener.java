package io.sitrep.query.pagecache;

import io.sitrep.query.links.PageHostnames;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears of every page change committed by any instance of incident-query: one connection of the
 * pool {@code LISTEN}s to {@link PageChanges#CHANNEL} and drops the cached answers of each page
 * named, and to {@link PageChanges#HOSTNAMES_CHANNEL} and drops the known hostnames. Answers and
 * hostnames are kept only while this connection is known to be alive: it is checked every second
 * when quiet, and on any failure both are forgotten and nothing is kept until the listener is back.
 */
@Component
class PageChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PageChangeListener.class);
    private static final int WAIT_MILLIS = 1000;
    private static final int ALIVE_CHECK_SECONDS = 2;
    /** How the listening connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "sitrep-page-changes";

    private final DataSource dataSource;
    private final PageResponseCache cache;
    private final PageHostnames hostnames;
    private volatile boolean running;
    private Thread thread;

    PageChangeListener(DataSource dataSource, PageResponseCache cache, PageHostnames hostnames) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.hostnames = hostnames;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "page-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(WAIT_MILLIS * 2L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listenOn(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Not hearing of page changes, so not caching pages until back: {}", e.toString());
                }
            }
            pause();
        }
    }

    private void listenOn(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            statement.execute("LISTEN " + PageChanges.CHANNEL);
            statement.execute("LISTEN " + PageChanges.HOSTNAMES_CHANNEL);
        }
        try {
            PGConnection notifications = connection.unwrap(PGConnection.class);
            cache.listening(true);
            hostnames.listening(true);
            while (running) {
                PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                if (received == null || received.length == 0) {
                    if (!connection.isValid(ALIVE_CHECK_SECONDS)) {
                        throw new SQLException("the listening connection stopped answering");
                    }
                    continue;
                }
                for (PGNotification notification : received) {
                    if (notification.getName().equals(PageChanges.HOSTNAMES_CHANNEL)) {
                        hostnames.changed();
                    } else {
                        cache.invalidate(notification.getParameter());
                    }
                }
            }
        } finally {
            cache.listening(false);
            hostnames.listening(false);
        }
        // Stopped: the connection goes back to the pool as it came.
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("RESET application_name");
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
