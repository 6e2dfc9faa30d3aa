package io.sitrep.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A phase's progress line, every second: on a terminal one line rewritten in place, otherwise (a
 * log file, CI) a line each time. When phases overlap (writes behind reads, lag probes beside a
 * write step), only the one started last prints.
 */
final class Progress implements AutoCloseable {

    private static final boolean TERMINAL = System.console() != null;
    private static final long INTERVAL_MILLIS = 1000;
    // Open progress lines, the latest first: only that one prints.
    private static final Deque<Progress> OPEN = new ArrayDeque<>();
    // The length of the line on the terminal, which the next one has to cover (guarded by OPEN).
    private static int shownLength;

    private final String phase;
    private final String unit;
    private final LongSupplier done;
    private final Supplier<String> detail;
    private final long start = System.nanoTime();
    private final Thread printer;
    private long lastDone;
    private long lastTime = start;

    private Progress(String phase, String unit, LongSupplier done, Supplier<String> detail) {
        this.phase = phase;
        this.unit = unit;
        this.done = done;
        this.detail = detail;
        synchronized (OPEN) {
            OPEN.push(this);
        }
        this.printer = new Thread(this::printEverySecond, "progress");
        printer.setDaemon(true);
        printer.start();
    }

    /** Counts {@code done} (in {@code unit}: "requests", "rows"...) and its rate. */
    static Progress start(String phase, String unit, LongSupplier done) {
        return new Progress(phase, unit, done, () -> "");
    }

    /** As {@link #start(String, String, LongSupplier)}, followed by {@code detail}. */
    static Progress start(String phase, String unit, LongSupplier done, Supplier<String> detail) {
        return new Progress(phase, unit, done, detail);
    }

    private void printEverySecond() {
        try {
            while (true) {
                Thread.sleep(INTERVAL_MILLIS);
                print(false);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void print(boolean last) {
        synchronized (OPEN) {
            if (OPEN.peek() == this) {
                System.out.print(line(last));
                System.out.flush();
            }
        }
    }

    private String line(boolean last) {
        long now = System.nanoTime();
        long count = done.getAsLong();
        // The current rate while running; the whole phase's in the last line.
        long since = last ? start : lastTime;
        long before = last ? 0 : lastDone;
        double rate = now > since ? (count - before) * 1e9 / (now - since) : 0;
        lastDone = count;
        lastTime = now;
        String line = String.format(Locale.ROOT, "[bench] %-24s %6.1f s %,10d %s %,9.0f/s %s",
                phase, (now - start) / 1e9, count, unit, rate, detail.get()).stripTrailing();
        if (!TERMINAL) {
            return line + System.lineSeparator();
        }
        String padding = " ".repeat(Math.max(0, shownLength - line.length()));
        shownLength = last ? 0 : line.length();
        return "\r" + line + padding + (last ? System.lineSeparator() : "");
    }

    /** Prints the final line, with the phase's average rate. */
    @Override
    public void close() {
        printer.interrupt();
        Load.join(printer);
        print(true);
        synchronized (OPEN) {
            OPEN.remove(this);
        }
    }
}
