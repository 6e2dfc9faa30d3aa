package io.sitrep.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Answers the errors Tomcat makes itself, before a request reaches Spring (a path with an encoded
 * slash, backslash or NUL, a malformed request line or header), as {@code application/problem+json}
 * like every other error of the API, instead of Tomcat's HTML page.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem(status, response.getMessage()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone, or the response was written meanwhile: there is nobody left to tell.
        }
    }

    /** The problem (RFC 9457) of a status Tomcat set, with the reason it gave. */
    static String problem(int status, String reason) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String slug = status == 400 ? "malformed-request" : status < 500 ? "client-error" : "server-error";
        String said = reason == null || reason.isBlank() ? title : reason;
        String detail = status == 400
                ? "The request could not be read (" + said + "). No id in a path holds '/', '\\' or NUL, encoded or"
                        + " not, and every header must be valid HTTP."
                : said;
        return "{\"type\":\"urn:sitrep:problem:" + slug + "\",\"title\":" + quoted(title) + ",\"status\":" + status
                + ",\"detail\":" + quoted(detail) + "}";
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
