package io.sitrep.command.idempotency;

import io.sitrep.command.web.FieldError;
import io.sitrep.command.web.InvalidRequest;
import io.sitrep.support.Sha256;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.MetaData;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@code Idempotency-Key} as one API client sent it, with the fingerprint of the request it came
 * with. It travels to the command handler in the command's metadata.
 */
public record IdempotencyKey(String apiKeyHash, String key, String requestHash) {

    public static final int MAX_LENGTH = 128;

    /** Serializes a request the same way whatever its key order, to fingerprint it. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static final String API_KEY = "idempotency.apiKey";
    private static final String KEY = "idempotency.key";
    private static final String REQUEST = "idempotency.request";

    /**
     * The key a client sent with a request ({@code call} names what it asked for, {@code body} is what
     * it sent), or null when it sent none.
     *
     * @throws InvalidRequest when the key is empty or too long
     */
    public static IdempotencyKey of(String apiKeyHash, String key, String call, Object body) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw new InvalidRequest(List.of(new FieldError("Idempotency-Key",
                    "must be 1 to " + MAX_LENGTH + " characters long")));
        }
        return new IdempotencyKey(apiKeyHash, key, Sha256.hex(call + "\n" + CANONICAL.writeValueAsString(body)));
    }

    public MetaData asMetaData() {
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
