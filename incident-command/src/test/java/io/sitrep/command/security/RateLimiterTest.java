package io.sitrep.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void allowsTheRateAndRefusesTheRestWithTheSecondsToWait() {
        RateLimiter limiter = new RateLimiter(2, now::get);
        assertThat(limiter.acquire("key")).isEmpty();
        assertThat(limiter.acquire("key")).isEmpty();
        assertThat(limiter.acquire("key")).hasValue(1);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(limiter.acquire("key")).isEmpty();
        assertThat(limiter.acquire("key")).hasValue(1);
    }

    @Test
    void aSlowRateAsksForALongerWait() {
        RateLimiter limiter = new RateLimiter(0.1, now::get);
        assertThat(limiter.acquire("key")).isEmpty();
        assertThat(limiter.acquire("key")).hasValue(10);
        now.addAndGet(TimeUnit.SECONDS.toNanos(4));
        assertThat(limiter.acquire("key")).hasValue(6);
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, now::get);
        assertThat(limiter.acquire("a")).isEmpty();
        assertThat(limiter.acquire("a")).isPresent();
        assertThat(limiter.acquire("b")).isEmpty();
    }
}
