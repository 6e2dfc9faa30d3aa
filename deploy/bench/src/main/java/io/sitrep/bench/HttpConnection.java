package io.sitrep.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, used by one thread with blocking IO. The
 * JDK's HttpClient would do, but costs several times the CPU per request, and on a 2-core machine
 * every cycle the load generator spends is taken from the system under test.
 */
final class HttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    // A request still unanswered after this is counted as an IO error rather than waited on forever.
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final int BUFFER = 64 * 1024;

    private final InetSocketAddress address;
    private final String host;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(URI baseUrl) {
        this.address = new InetSocketAddress(baseUrl.getHost(), baseUrl.getPort());
        this.host = baseUrl.getHost() + ":" + baseUrl.getPort();
    }

    /** Sends the request and reads its response, connecting first if needed. */
    Response send(Request request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request.encode(host));
            out.flush();
            Response response = Response.read(in);
            if (!response.keepAlive()) {
                close();
            }
            return response;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket connecting = new Socket();
        try {
            connecting.setTcpNoDelay(true);
            connecting.setSoTimeout(READ_TIMEOUT_MILLIS);
            connecting.connect(address, CONNECT_TIMEOUT_MILLIS);
            in = new BufferedInputStream(connecting.getInputStream(), BUFFER);
            out = new BufferedOutputStream(connecting.getOutputStream(), BUFFER);
            socket = connecting;
        } catch (IOException e) {
            connecting.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all we wanted; nothing is lost.
        }
        socket = null;
    }
}
