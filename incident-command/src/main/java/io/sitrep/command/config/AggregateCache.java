package io.sitrep.command.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The incidents most recently written, kept in memory so that a command does not read its
 * incident's events back from the store first. At most {@code capacity} entries, the least recently
 * used dropped first.
 *
 * <p>With several instances, an entry here can be older than the store: another instance wrote
 * since. The append then fails on the store's unique (aggregate, sequence) key, Axon drops the entry
 * when the command rolls back, and the command is sent again on a fresh load
 * ({@code IncidentCommandSender}), so the caller sees no difference.
 */
class AggregateCache implements Cache {

    private final Map<Object, Object> entries;

    AggregateCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Nothing here listens for entries. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("entry listeners are not supported");
    }
}
