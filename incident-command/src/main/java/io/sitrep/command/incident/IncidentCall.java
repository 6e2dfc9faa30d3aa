package io.sitrep.command.incident;

import io.sitrep.command.idempotency.IdempotencyKey;
import io.sitrep.command.web.RequestRefused;
import io.sitrep.support.ApiClient;
import org.springframework.http.ETag;
import org.springframework.http.HttpStatus;

/**
 * What an incident call carries besides its path and body: the client whose API key it came with,
 * its {@code Idempotency-Key} (null when none) and the version its {@code If-Match} expects (null
 * when none, or {@code *}). Resolved once per request ({@link IncidentWebConfig}).
 */
record IncidentCall(ApiClient client, String idempotencyKey, Long expectedVersion) {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IF_MATCH = "If-Match";

    static IncidentCall of(ApiClient client, String idempotencyKey, String ifMatch) {
        return new IncidentCall(client, idempotencyKey, expectedVersion(ifMatch));
    }

    /** The request's idempotency key, fingerprinted with what it asked for ({@code call}) and its body. */
    IdempotencyKey idempotency(String call, Object body) {
        return IdempotencyKey.of(client.keyHash(), idempotencyKey, call, body);
    }

    /**
     * The version an {@code If-Match} asks for: {@code "3"} (or {@code W/"3"}, or {@code 3});
     * {@code *} asks for none. Anything else can match no version: the precondition fails.
     */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        ETag tag = ETag.create(ifMatch.strip());
        try {
            return Long.parseLong(tag.tag());
        } catch (NumberFormatException e) {
            throw new RequestRefused(HttpStatus.PRECONDITION_FAILED, IF_MATCH + " " + ifMatch
                    + " names no version of an incident; send the ETag of the last answer, such as \"3\"");
        }
    }
}
