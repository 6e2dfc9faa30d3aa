package io.sitrep.bench;

import io.sitrep.local.LocalSystem;
import java.nio.charset.StandardCharsets;

/** An HTTP/1.1 request as the load generator sends it: a read, or a write with a JSON body. */
record Request(String method, String path, String json) {

    private static final String AUTHORIZATION = "Authorization: Bearer " + LocalSystem.API_KEY + "\r\n";

    static Request get(String path) {
        return new Request("GET", path, null);
    }

    static Request post(String path, String json) {
        return new Request("POST", path, json);
    }

    static Request put(String path, String json) {
        return new Request("PUT", path, json);
    }

    /** The bytes on the wire; a write carries the local API key. */
    byte[] encode(String host) {
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n");
        if (json == null) {
            return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        head.append(AUTHORIZATION)
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }
}
