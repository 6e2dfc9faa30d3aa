package io.sitrep.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.1 response, read whole from a keep-alive connection.
 *
 * @param keepAlive false when the server closes the connection after it (Tomcat does every 100
 *                  requests), so the next request needs a new one
 */
record Response(int status, byte[] body, boolean keepAlive) {

    private static final int MAX_LINE = 8192;

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Reads one response: the status line, the headers, then a body sized by Content-Length, sent
     * in chunks, or (neither given) running to the end of the connection.
     */
    static Response read(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new EOFException("connection closed before a response");
        }
        // "HTTP/1.1 200 OK": the reason phrase may be empty or missing.
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = parseInt(parts[1], 10, statusLine);
        boolean keepAlive = parts[0].equals("HTTP/1.1");
        long contentLength = -1;
        boolean chunked = false;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed header: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = parseInt(value, 10, line);
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> keepAlive = value.equals("keep-alive") || keepAlive && !value.equals("close");
                default -> { }
            }
        }
        byte[] body;
        if (status / 100 == 1 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (chunked) {
            body = readChunked(in);
        } else if (contentLength >= 0) {
            body = in.readNBytes((int) contentLength);
            if (body.length < contentLength) {
                throw new EOFException("connection closed inside a body");
            }
        } else {
            body = in.readAllBytes();
            keepAlive = false;
        }
        return new Response(status, body, keepAlive);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int extension = sizeLine.indexOf(';');
            int size = parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16, sizeLine);
            if (size == 0) {
                // Trailer fields, if any, up to the empty line that ends the message.
                for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                    // ignored
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("connection closed inside a chunk");
            }
            body.write(chunk);
            if (!"".equals(readLine(in))) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    /** A line up to CRLF (or a bare LF), without it; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }

    private static int parseInt(String value, int radix, String line) throws IOException {
        try {
            return Integer.parseInt(value, radix);
        } catch (NumberFormatException e) {
            throw new IOException("malformed number in: " + line);
        }
    }
}
