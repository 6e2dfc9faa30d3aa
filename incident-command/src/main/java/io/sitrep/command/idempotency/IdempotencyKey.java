package io.sitrep.command.idempotency;

import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.MetaData;

/**
 * An {@code Idempotency-Key} as one API client sent it, with the fingerprint of the request it came
 * with. It travels to the command handler in the command's metadata.
 */
public record IdempotencyKey(String apiKeyHash, String key, String requestHash) {

    public static final int MAX_LENGTH = 128;

    private static final String API_KEY = "idempotency.apiKey";
    private static final String KEY = "idempotency.key";
    private static final String REQUEST = "idempotency.request";

    MetaData asMetaData() {
        return MetaData.from(Map.of(API_KEY, apiKeyHash, KEY, key, REQUEST, requestHash));
    }

    static Optional<IdempotencyKey> from(MetaData metaData) {
        if (!metaData.containsKey(KEY)) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyKey((String) metaData.get(API_KEY), (String) metaData.get(KEY),
                (String) metaData.get(REQUEST)));
    }
}
