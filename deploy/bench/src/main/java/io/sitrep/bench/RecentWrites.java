package io.sitrep.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The incidents written most recently, each with the highest version a write answered: once the
 * read side shows the last of them, it has applied (nearly) everything, because each page's events
 * reach it in order. Fed with every 2xx answer of the write API.
 */
final class RecentWrites implements Consumer<Response> {

    private static final int KEPT = 1_000;

    // The most recently written last; an incident written again moves to the end.
    private final Map<String, Long> versions = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > KEPT;
        }
    };

    @Override
    public void accept(Response answer) {
        Written written = Written.of(answer);
        synchronized (versions) {
            Long before = versions.remove(written.incidentId());
            versions.put(written.incidentId(), Math.max(written.version(), before == null ? 0 : before));
        }
    }

    /** The {@code count} incidents written last, with their highest versions. */
    List<Written> last(int count) {
        synchronized (versions) {
            List<Written> all = new ArrayList<>(versions.size());
            versions.forEach((incident, version) -> all.add(new Written(incident, version)));
            return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
        }
    }
}
