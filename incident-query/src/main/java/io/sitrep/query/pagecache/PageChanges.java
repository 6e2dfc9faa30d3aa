package io.sitrep.query.pagecache;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance of incident-query which pages a read-model transaction changed. Just before
 * the transaction commits, it sends one PostgreSQL {@code NOTIFY} per page it touched (delivered to
 * every listener only if the transaction commits; see {@link PageChangeListener}); once it has
 * committed, it drops this instance's cached answers for those pages at once, so that a read that
 * follows the commit here never sees the page as it was.
 */
@Component
public class PageChanges {

    static final String CHANNEL = "sitrep_page_changed";

    private final JdbcClient jdbc;
    private final PageResponseCache cache;

    PageChanges(JdbcClient jdbc, PageResponseCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** Records, within the current transaction, that it changes what the page shows. */
    public void changed(String pageId) {
        @SuppressWarnings("unchecked")
        Set<String> pages = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (pages == null) {
            Set<String> changedPages = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, changedPages);
            TransactionSynchronizationManager.registerSynchronization(new Notifier(changedPages));
            pages = changedPages;
        }
        pages.add(pageId);
    }

    private final class Notifier implements TransactionSynchronization {

        private final Set<String> pages;

        Notifier(Set<String> pages) {
            this.pages = pages;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // All pages in one statement: a batch of the event stream can touch many.
            jdbc.sql("select pg_notify(?, page) from unnest(?) as page")
                    .params(CHANNEL, pages.toArray(String[]::new)).query().rowSet();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResource(PageChanges.this);
            if (status == STATUS_COMMITTED) {
                pages.forEach(cache::invalidate);
            }
        }
    }
}
