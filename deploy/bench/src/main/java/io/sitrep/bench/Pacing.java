package io.sitrep.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** When each connection of a {@link Load} run sends its next request. */
interface Pacing {

    /** What a connection's clock answers once the run is over. */
    long STOP = Long.MIN_VALUE;

    /** Requests due before this much of the run has passed are not measured. */
    default Duration warmUp() {
        return Duration.ZERO;
    }

    /**
     * The clock of one of {@code connections} connections, the run having started at {@code start}
     * ({@link System#nanoTime()}): each call answers when to send the next request, or {@link #STOP}.
     */
    LongSupplier clock(int connection, int connections, long start);

    /** This pacing, but over as soon as {@code over} says so. */
    default Pacing until(BooleanSupplier over) {
        Pacing pacing = this;
        return new Pacing() {
            @Override
            public Duration warmUp() {
                return pacing.warmUp();
            }

            @Override
            public LongSupplier clock(int connection, int connections, long start) {
                LongSupplier clock = pacing.clock(connection, connections, start);
                return () -> over.getAsBoolean() ? STOP : clock.getAsLong();
            }
        };
    }

    /** Each connection sends its next request as soon as its last is answered, for warm-up + duration. */
    static Pacing closedLoop(Duration warmUp, Duration duration) {
        long runNanos = warmUp.plus(duration).toNanos();
        return new Pacing() {
            @Override
            public Duration warmUp() {
                return warmUp;
            }

            @Override
            public LongSupplier clock(int connection, int connections, long start) {
                return () -> {
                    long now = System.nanoTime();
                    return now - start < runNanos ? now : STOP;
                };
            }
        };
    }

    /** A closed loop that ends once {@code requests} requests are sent by all connections together. */
    static Pacing requests(long requests) {
        AtomicLong left = new AtomicLong(requests);
        return (connection, connections, start) -> () -> left.getAndDecrement() > 0 ? System.nanoTime() : STOP;
    }

    /**
     * An open loop: {@code rate} requests per second in all, each connection taking its evenly
     * spaced share, for {@code duration}. A request is due at its slot whether or not the previous
     * one was answered in time, and its latency runs from that slot: a stall then shows in the
     * latency of every request it held up (no coordinated omission).
     */
    static Pacing openLoop(double rate, Duration duration) {
        long runNanos = duration.toNanos();
        return (connection, connections, start) -> {
            double interval = connections * 1e9 / rate;
            double first = connection * interval / connections;
            long[] sent = {0};
            return () -> {
                long due = (long) (first + sent[0]++ * interval);
                return due < runNanos ? start + due : STOP;
            };
        };
    }
}
