package io.sitrep.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Collection;

/** TCP ports on the loopback interface, where every local server listens. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago; another process could still take it before we do. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    /**
     * A free port, as {@link #free()}, that is none of {@code taken}: ports chosen for servers that
     * do not listen yet, which the system could otherwise hand out again (a broker and its
     * controller once got the same one).
     */
    public static int freeOtherThan(Collection<Integer> taken) {
        while (true) {
            int port = free();
            if (!taken.contains(port)) {
                return port;
            }
        }
    }

    /** Fails with a message naming {@code user} if something already listens on the port. */
    static void requireFree(int port, String user) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // Bound and released: the port is free.
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1, wanted by " + user
                    + ", is in use (a previous run still alive?)", e);
        }
    }
}
