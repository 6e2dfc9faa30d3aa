package io.sitrep.query.pagecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache's own rules: when a kept answer may be served, and when never again. */
class PageResponseCacheTest {

    private static final String PAGE = "olark";
    private static final String KEY = "host/api/v1/pages/olark/summary";
    private static final PageResponseCache.Response ANSWER = new PageResponseCache.Response(
            Map.of("ETag", List.of("\"1\"")), "{}".getBytes(StandardCharsets.UTF_8));

    private final MutableClock clock = new MutableClock();
    private final PageResponseCache cache = new PageResponseCache(Duration.ofSeconds(30), clock);

    @BeforeEach
    void listen() {
        cache.listening(true);
    }

    @Test
    void anAnswerIsServedUntilItsPageChanges() {
        cache.store(PAGE, KEY, cache.stamp(PAGE).orElseThrow(), ANSWER);
        assertThat(cache.find(PAGE, KEY)).contains(ANSWER);

        cache.invalidate("another-page");
        assertThat(cache.find(PAGE, KEY)).contains(ANSWER);

        cache.invalidate(PAGE);
        assertThat(cache.find(PAGE, KEY)).isEmpty();
    }

    @Test
    void anAnswerBuiltBeforeAChangeIsNeverServedEvenIfStoredAfterIt() {
        PageResponseCache.Stamp before = cache.stamp(PAGE).orElseThrow();
        cache.invalidate(PAGE); // committed while the answer was being built from older rows
        cache.store(PAGE, KEY, before, ANSWER);

        assertThat(cache.find(PAGE, KEY)).isEmpty();
    }

    @Test
    void nothingIsKeptWhileChangesMayGoUnheard() {
        cache.store(PAGE, KEY, cache.stamp(PAGE).orElseThrow(), ANSWER);
        PageResponseCache.Stamp beforeTheCut = cache.stamp(PAGE).orElseThrow();

        cache.listening(false);
        assertThat(cache.find(PAGE, KEY)).isEmpty();
        assertThat(cache.stamp(PAGE)).isEmpty();

        cache.listening(true);
        cache.store(PAGE, KEY, beforeTheCut, ANSWER);
        assertThat(cache.find(PAGE, KEY)).as("built before the listener came back").isEmpty();
    }

    @Test
    void answersAgeOut() {
        cache.store(PAGE, KEY, cache.stamp(PAGE).orElseThrow(), ANSWER);
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.find(PAGE, KEY)).contains(ANSWER);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.find(PAGE, KEY)).isEmpty();
    }

    @Test
    void whileOneRequestBuildsAnAnswerTheOthersForItWaitForIt() throws Exception {
        Runnable built = cache.lead(KEY).orElseThrow();
        AtomicReference<Optional<Runnable>> otherLed = new AtomicReference<>();
        Thread other = new Thread(() -> otherLed.set(cache.lead(KEY)));
        other.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> other.getState() == Thread.State.TIMED_WAITING);

        cache.store(PAGE, KEY, cache.stamp(PAGE).orElseThrow(), ANSWER);
        built.run();
        other.join(5_000);

        assertThat(otherLed.get()).as("waited for the one building it").isEmpty();
        assertThat(cache.find(PAGE, KEY)).contains(ANSWER);
        assertThat(cache.lead(KEY)).as("nobody builds it any more").isPresent();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2024-11-25T16:23:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
