package io.sitrep.command;

import io.sitrep.support.DatabaseFailures;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
    private final Semaphore permits;
    private volatile boolean outage;
    private final AtomicBoolean probing = new AtomicBoolean();

    Commands(CommandGateway gateway, @Value("${sitrep.command.workers}") int workers) {
        this.gateway = gateway;
        // Not fair: a fair semaphore hands each permit to the longest waiter, and with waiters timing out
        // and queueing again every slice it left most permits unused (a third of the throughput).
        this.permits = new Semaphore(workers);
    }

    /** Sends a command (or a command message) and waits for its result, once admitted. */
    public <R> R sendAndWait(Object command) {
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
