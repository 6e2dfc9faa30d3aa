package io.sitrep.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

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
