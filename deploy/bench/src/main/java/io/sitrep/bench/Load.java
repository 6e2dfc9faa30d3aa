package io.sitrep.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Load on one service: a platform thread per keep-alive connection, each sending what {@code
 * requests} supplies when its {@link Pacing} says, timing every answer.
 */
final class Load {

    /**
     * @param counts        the answers to the measured requests
     * @param warmUpCounts  the answers during the warm-up, which only the whole run's totals use
     * @param latency       of the measured requests, from when each was due
     * @param seconds       from the end of the warm-up to the last answer
     */
    record Result(Counts counts, Counts warmUpCounts, Latency latency, double seconds) {

        @JsonProperty
        double okPerSecond() {
            return seconds > 0 ? counts.ok() / seconds : 0;
        }
    }

    private Load() {
    }

    /**
     * Runs the load and returns once every connection is done.
     *
     * @param requests called by every connection's thread for its next request
     * @param answered called by a connection's thread with each 2xx answer
     */
    static Result run(String phase, URI target, int connections, Pacing pacing,
                      Supplier<Request> requests, Consumer<Response> answered) {
        LongAdder sent = new LongAdder();
        Tally measured = new Tally();
        Tally warmUp = new Tally();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long measuredFrom = start + pacing.warmUp().toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            LongSupplier clock = pacing.clock(i, connections, start);
            threads.add(new Thread(() -> {
                Tally ownMeasured = new Tally();
                Tally ownWarmUp = new Tally();
                try (HttpConnection connection = new HttpConnection(target)) {
                    for (long due = clock.getAsLong(); due != Pacing.STOP; due = clock.getAsLong()) {
                        waitUntil(due);
                        Tally tally = due - measuredFrom >= 0 ? ownMeasured : ownWarmUp;
                        Request request = requests.get();
                        try {
                            Response response = connection.send(request);
                            tally.answered(response.status(), System.nanoTime() - due);
                            if (response.ok()) {
                                answered.accept(response);
                            }
                        } catch (IOException e) {
                            tally.ioError();
                        }
                        sent.increment();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
                synchronized (measured) {
                    measured.add(ownMeasured);
                    warmUp.add(ownWarmUp);
                }
            }, phase + "-" + i));
        }
        try (Progress ignored = Progress.start(phase, "requests", sent::sum)) {
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                join(thread);
            }
        }
        double seconds = (System.nanoTime() - measuredFrom) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException(phase + " failed", failure.get());
        }
        synchronized (measured) {
            return new Result(measured.counts(), warmUp.counts(), measured.latency(), seconds);
        }
    }

    static void waitUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
