package io.sitrep.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sitrep.support.DatabaseFailures;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one way commands are sent: at most {@code sitrep.command.workers} at once, the rest waiting
 * their turn. A command holds one of the pool's connections for its whole transaction (and while it
 * waits for its aggregate's lock), and a request waiting on the pool cannot tell a busy pool from a
 * database that is gone: that answered 503s from a healthy database. Here a burst waits for a permit
 * instead, and the pool has a connection for every command admitted; its other connections serve
 * the relay, idempotency look-ups and health checks.
 *
 * <p>Once a command has found the event store unreachable, the commands that wait and those that
 * come are refused at once ({@link StoreUnreachable}, a 503) rather than each spending the pool's
 * connection timeout finding out, so that every write is answered within the contract's 2 s during
 * an outage. One command at a time is let through to try the store: when one succeeds, the outage
 * is over.
 */
@Component
public class Commands {

    private static final long WAIT_SLICE_MILLIS = 50;

    private final CommandGateway gateway;
    private final MeterRegistry meters;
    private final Semaphore permits;
    private volatile boolean outage;
    private final AtomicBoolean probing = new AtomicBoolean();

    Commands(CommandGateway gateway, MeterRegistry meters, @Value("${sitrep.command.workers}") int workers) {
        this.gateway = gateway;
        this.meters = meters;
        // Not fair: a fair semaphore hands each permit to the longest waiter, and with waiters timing out
        // and queueing again every slice it left most permits unused (a third of the throughput).
        this.permits = new Semaphore(workers);
    }

    /**
     * Sends a command (or a command message) and waits for its result, once admitted. Each attempt
     * is timed as {@code sitrep.commands}, by command and outcome ({@link #outcomeOf}).
     */
    public <R> R sendAndWait(Object command) {
        Timer.Sample timing = Timer.start(meters);
        String outcome = "accepted";
        try {
            boolean probe = admit();
            try {
                R result = gateway.sendAndWait(command);
                if (probe) {
                    outage = false;
                }
                return result;
            } catch (RuntimeException failed) {
                // Known before the permit is released, so that no waiting command starts on a dead store.
                if (DatabaseFailures.outOfReach(failed)) {
                    outage = true;
                }
                throw failed;
            } finally {
                if (probe) {
                    probing.set(false);
                }
                permits.release();
            }
        } catch (RuntimeException failed) {
            outcome = outcomeOf(failed);
            throw failed;
        } finally {
            timing.stop(Timer.builder("sitrep.commands")
                    .description("Commands sent, each attempt timed from admission to result")
                    .tag("command", nameOf(command)).tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }

    /**
     * {@code rejected} by the aggregate (the problem type is in {@code sitrep.api.problems}),
     * {@code conflict} with a concurrent command (retried on what is stored, see
     * IncidentCommandSender), {@code unavailable} (the event store out of reach), or {@code failed}.
     */
    private static String outcomeOf(RuntimeException failed) {
        if (failed instanceof CommandRejected) {
            return "rejected";
        }
        if (failed instanceof ConcurrencyException) {
            return "conflict";
        }
        if (failed instanceof StoreUnreachable || DatabaseFailures.outOfReach(failed)) {
            return "unavailable";
        }
        return "failed";
    }

    /** The command's class as a tag: {@code PostUpdate} becomes {@code post-update}. */
    private static String nameOf(Object command) {
        Object payload = command instanceof CommandMessage<?> message ? message.getPayload() : command;
        return payload.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Tells the admission that a command found the event store unreachable. */
    public void storeUnreachable() {
        outage = true;
    }

    /** Waits for a permit; true if the command is to try a store that was unreachable. */
    private boolean admit() {
        try {
            while (true) {
                if (outage) {
                    return probe();
                }
                if (permits.tryAcquire(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (!outage) {
                        return false;
                    }
                    permits.release(); // the store went away while this one waited
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to run a command", e);
        }
    }

    /**
     * During an outage, one command at a time tries the store, if a permit is free at once; the
     * others are refused at once.
     */
    private boolean probe() {
        if (probing.compareAndSet(false, true)) {
            if (permits.tryAcquire()) {
                return true;
            }
            probing.set(false);
        }
        throw new StoreUnreachable();
    }
}
