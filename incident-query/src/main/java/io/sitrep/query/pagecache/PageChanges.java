package io.sitrep.query.pagecache;

import io.sitrep.query.links.PageHostnames;
import io.sitrep.query.readmodel.ReadModelChanges;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance of incident-query which pages a read-model transaction changed, and whether
 * it changed the pages' hostnames. Just before the transaction commits, it sends PostgreSQL
 * {@code NOTIFY}s (delivered to every listener only if the transaction commits; see
 * {@link PageChangeListener}); once it has committed, it drops this instance's cached answers for
 * those pages (and its hostnames) at once, so that a read that follows the commit here never sees
 * the page as it was.
 */
@Component
public class PageChanges implements ReadModelChanges {

    static final String CHANNEL = "sitrep_page_changed";
    static final String HOSTNAMES_CHANNEL = "sitrep_page_hostnames_changed";

    private final JdbcClient jdbc;
    private final PageResponseCache cache;
    private final PageHostnames hostnames;

    PageChanges(JdbcClient jdbc, PageResponseCache cache, PageHostnames hostnames) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.hostnames = hostnames;
    }

    @Override
    public void changed(String pageId) {
        current().pages.add(pageId);
    }

    @Override
    public void hostnamesChanged() {
        current().hostnames = true;
    }

    private Notifier current() {
        Notifier notifier = (Notifier) TransactionSynchronizationManager.getResource(this);
        if (notifier == null) {
            notifier = new Notifier();
            TransactionSynchronizationManager.bindResource(this, notifier);
            TransactionSynchronizationManager.registerSynchronization(notifier);
        }
        return notifier;
    }

    /** What the current transaction changed, told to everyone as it commits. */
    private final class Notifier implements TransactionSynchronization {

        private final Set<String> pages = new LinkedHashSet<>();
        private boolean hostnames;

        @Override
        public void beforeCommit(boolean readOnly) {
            // All pages in one statement: a batch of the event stream can touch many.
            jdbc.sql("select pg_notify(?, page) from unnest(?) as page")
                    .params(CHANNEL, pages.toArray(String[]::new)).query().rowSet();
            if (hostnames) {
                jdbc.sql("select pg_notify(?, '')").param(HOSTNAMES_CHANNEL).query().rowSet();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResource(PageChanges.this);
            if (status == STATUS_COMMITTED) {
                pages.forEach(cache::invalidate);
                if (hostnames) {
                    PageChanges.this.hostnames.changed();
                }
            }
        }
    }
}
