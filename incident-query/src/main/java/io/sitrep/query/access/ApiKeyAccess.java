package io.sitrep.query.access;

import io.sitrep.support.ApiClient;
import io.sitrep.support.ApiKeys;
import io.sitrep.support.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may read what on incident-query: the pages, feeds and page JSON are public; analytics need
 * an API key with {@code analytics:read}. The key comes as {@code Authorization: Bearer <key>}, or
 * as the password of HTTP Basic, which a browser asks for. Like every Sitrep service, incident-query
 * refuses to start without API keys, so that a deployment never runs with these calls unguarded.
 */
@Component
public class ApiKeyAccess {

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    private final ApiKeys keys;

    ApiKeyAccess(@Value("${sitrep.api-keys:}") String keys) {
        this.keys = ApiKeys.parse(keys);
    }

    /**
     * The client whose key the {@code Authorization} header carries, if it has the scope.
     *
     * @throws AccessRefused 401 without a valid key, 403 when the key lacks the scope
     */
    public ApiClient require(String authorization, Scope scope) {
        if (authorization == null) {
            throw new AccessRefused(HttpStatus.UNAUTHORIZED, "this call needs an API key with " + scope.id()
                    + ": send Authorization: Bearer <api-key>");
        }
        ApiClient client = key(authorization).flatMap(keys::authenticate).orElseThrow(() -> new AccessRefused(
                HttpStatus.UNAUTHORIZED, "the API key in the Authorization header is not valid"));
        if (!client.scopes().contains(scope)) {
            throw new AccessRefused(HttpStatus.FORBIDDEN, "this API key lacks the scope this call needs: "
                    + scope.id());
        }
        return client;
    }

    /** The key of a Bearer header, or the password of a Basic one. */
    private static Optional<String> key(String authorization) {
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(authorization.substring(BEARER.length()).strip());
        }
        if (authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String credentials = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length())
                        .strip()), StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(credentials.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
