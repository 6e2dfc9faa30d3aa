package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseTest {

    @Test
    void readsABodySizedByContentLengthAndKeepsTheConnection() throws IOException {
        Response response = Response.read(stream("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
                + "content-length: 38\r\n\r\n{\"incidentId\":\"inc_abc\",\"version\":1}\r\n"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.ok()).isTrue();
        assertThat(response.text()).isEqualTo("{\"incidentId\":\"inc_abc\",\"version\":1}\r\n");
        assertThat(response.keepAlive()).isTrue();
    }

    @Test
    void readsAChunkedBodyWithExtensionsAndTrailers() throws IOException {
        Response response = Response.read(stream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\nC\r\n, chunked!\r\n\r\n0\r\nX-Trailer: yes\r\n\r\n"));

        assertThat(response.text()).isEqualTo("hello, chunked!\r\n");
    }

    @Test
    void readsResponsesOneAfterAnotherFromOneConnection() throws IOException {
        InputStream connection = stream("HTTP/1.1 404 \r\nContent-Length: 2\r\n\r\nno"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nyes\r\n0\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nETag: \"3\"\r\n\r\n"
                + "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(Response.read(connection).text()).isEqualTo("no");
        assertThat(Response.read(connection).text()).isEqualTo("yes");
        Response notModified = Response.read(connection);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        Response unavailable = Response.read(connection);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.keepAlive()).isFalse();
        assertThatThrownBy(() -> Response.read(connection)).isInstanceOf(EOFException.class);
    }

    @Test
    void aBodyWithoutLengthRunsToTheEndOfTheConnection() throws IOException {
        Response response = Response.read(stream("HTTP/1.0 200 OK\r\n\r\nall of it"));

        assertThat(response.text()).isEqualTo("all of it");
        assertThat(response.keepAlive()).isFalse();
    }

    @Test
    void refusesWhatIsNotHttp() {
        assertThatThrownBy(() -> Response.read(stream("SSH-2.0-OpenSSH\r\n\r\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("not an HTTP status line");
        assertThatThrownBy(() -> Response.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void aWriteCarriesTheKeyAndItsJsonLength() {
        String encoded = new String(Request.post("/api/v1/incidents/inc_1/updates", "{\"message\":\"é\"}")
                .encode("127.0.0.1:18080"), StandardCharsets.UTF_8);

        assertThat(encoded).isEqualTo("POST /api/v1/incidents/inc_1/updates HTTP/1.1\r\nHost: 127.0.0.1:18080\r\n"
                + "Authorization: Bearer sitrep-local-key\r\nContent-Type: application/json\r\n"
                + "Content-Length: 16\r\n\r\n{\"message\":\"é\"}");
        assertThat(new String(Request.get("/pages/bench-01").encode("h:1"), StandardCharsets.UTF_8))
                .isEqualTo("GET /pages/bench-01 HTTP/1.1\r\nHost: h:1\r\n\r\n");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
