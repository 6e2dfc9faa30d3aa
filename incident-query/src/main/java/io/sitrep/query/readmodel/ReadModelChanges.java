package io.sitrep.query.readmodel;

/**
 * Who hears what a read-model transaction changed: the page caches, on every instance
 * ({@code PageChanges}). A rebuild writes tables nobody reads yet, and tells no one.
 */
public interface ReadModelChanges {

    ReadModelChanges NONE = new ReadModelChanges() {
        @Override
        public void changed(String pageId) {
        }

        @Override
        public void hostnamesChanged() {
        }
    };

    /** Records, within the current transaction, that it changes what the page shows. */
    void changed(String pageId);

    /** Records, within the current transaction, that it may change which page has which hostname. */
    void hostnamesChanged();
}
