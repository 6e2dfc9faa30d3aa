package io.sitrep.query.pagecache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Answers to a page's public reads as they were sent, kept until anything on the page changes.
 *
 * <p>Every page has a generation, bumped when a read-model transaction that changed the page
 * commits, here or on any other instance ({@link PageChanges}, {@link PageChangeListener}). An
 * answer is stored with the generation read <em>before</em> it was built, and served only while the
 * page is still at that generation: an answer built from data that a change overtook is never served,
 * however the two raced. Answers are only kept while this instance hears of every change (the
 * listener is connected); when it loses the connection, all answers become stale at once. They also
 * age out after a while, for what depends on the clock (the day bars roll over at midnight).
 */
@Component
public class PageResponseCache {

    /** An answer as sent: status 200, its headers and its body. */
    public record Response(Map<String, List<String>> headers, byte[] body) {
    }

    /** Where an answer was stored in the order of changes: which listening epoch, which page generation. */
    public record Stamp(long epoch, long generation) {
    }

    private record Stored(Stamp stamp, Instant storedAt, Response response) {
    }

    /** How long a request waits for another that is building the same answer before building it too. */
    private static final Duration BUILD_WAIT = Duration.ofSeconds(5);

    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> building = new ConcurrentHashMap<>();
    private final Map<String, Stored> answers = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean listening;
    private final Duration maxAge;
    private final Clock clock;

    @Autowired
    PageResponseCache(@Value("${sitrep.page-cache.max-age:PT30S}") Duration maxAge, ObjectProvider<Clock> clock) {
        this(maxAge, clock.getIfAvailable(Clock::systemUTC));
    }

    PageResponseCache(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The stamp to store an answer with, taken before the answer is built; empty while answers are not kept. */
    public Optional<Stamp> stamp(String pageId) {
        if (!listening) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(epoch.get(), generation(pageId).get()));
    }

    public void store(String pageId, String key, Stamp stamp, Response response) {
        answers.put(key, new Stored(stamp, clock.instant(), response));
    }

    /** The answer stored under this key, if the page has not changed since it was built. */
    public Optional<Response> find(String pageId, String key) {
        Stored stored = answers.get(key);
        if (stored == null || !listening || stored.stamp().epoch() != epoch.get()
                || stored.stamp().generation() != generation(pageId).get()
                || stored.storedAt().plus(maxAge).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(stored.response());
    }

    /**
     * Makes the caller the one request that builds the answer under this key, and returns what to
     * run once it has stored it; or, while another request is building it, waits for that one and
     * returns empty (the caller then finds the answer, or builds one itself if it is not there). When a
     * page changes under many readers, one of them renders it and the rest are served its answer.
     */
    public Optional<Runnable> lead(String key) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> leader = building.putIfAbsent(key, mine);
        if (leader == null) {
            return Optional.of(() -> {
                building.remove(key, mine);
                mine.complete(null);
            });
        }
        try {
            leader.get(BUILD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Built too slowly or not at all: the caller builds its own.
        }
        return Optional.empty();
    }

    void invalidate(String pageId) {
        generation(pageId).incrementAndGet();
    }

    /** Called with true once the listener hears every change from now on, with false when it may miss some. */
    void listening(boolean listening) {
        epoch.incrementAndGet();
        if (!listening) {
            answers.clear();
        }
        this.listening = listening;
    }

    private AtomicLong generation(String pageId) {
        return generations.computeIfAbsent(pageId, page -> new AtomicLong());
    }
}
