package io.sitrep.command.security;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: {@code rate} writes per second, with bursts of up to one second's
 * worth. The limit holds per instance of the service.
 */
class RateLimiter {

    private final double rate;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double rate, LongSupplier nanoTime) {
        this.rate = rate;
        this.nanoTime = nanoTime;
    }

    /** Takes a token for the key: empty when the request may go on, else the seconds to wait. */
    OptionalLong acquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(Math.max(1, rate), nanoTime.getAsLong())).take();
    }

    private final class Bucket {

        private final double capacity;
        private double tokens;
        private long refilledAt;

        Bucket(double capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized OptionalLong take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(capacity, tokens + (now - refilledAt) * rate / TimeUnit.SECONDS.toNanos(1));
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens) / rate)));
        }
    }
}
