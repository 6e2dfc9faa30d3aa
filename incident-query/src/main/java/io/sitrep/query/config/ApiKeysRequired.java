package io.sitrep.query.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Like every Sitrep service, incident-query refuses to start without API keys, so that a deployment
 * never runs with its admin and analytics calls unguarded. (The local run configures one.)
 */
@Component
class ApiKeysRequired {

    ApiKeysRequired(@Value("${sitrep.api-keys:}") String apiKeys) {
        if (apiKeys.isBlank()) {
            throw new IllegalStateException("No API keys are configured: set SITREP_API_KEYS to "
                    + "<key>=<scope>,<scope>;... with scopes from pages:write, incidents:write, analytics:read, admin");
        }
    }
}
