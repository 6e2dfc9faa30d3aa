package io.sitrep.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitrep.support.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ApiKeyAccessTest {

    private final ApiKeyAccess access = new ApiKeyAccess("reader=analytics:read;operator=admin");

    @Test
    void refusesToStartWithoutKeys() {
        assertThatThrownBy(() -> new ApiKeyAccess(" ")).hasMessageContaining("SITREP_API_KEYS");
    }

    @Test
    void takesTheKeyAsABearerTokenOrAsTheBasicPassword() {
        assertThat(access.require("Bearer reader", Scope.ANALYTICS_READ).scopes()).containsExactly(Scope.ANALYTICS_READ);
        String basic = Base64.getEncoder().encodeToString("anyone:reader".getBytes(StandardCharsets.UTF_8));
        assertThat(access.require("Basic " + basic, Scope.ANALYTICS_READ).scopes()).containsExactly(Scope.ANALYTICS_READ);
    }

    @Test
    void noKeyOrAnUnknownOneIsAnUnauthenticatedCall() {
        assertThatThrownBy(() -> access.require(null, Scope.ANALYTICS_READ))
                .isInstanceOfSatisfying(AccessRefused.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED))
                .hasMessageContaining("analytics:read");
        assertThatThrownBy(() -> access.require("Bearer guess", Scope.ANALYTICS_READ))
                .isInstanceOfSatisfying(AccessRefused.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
        assertThatThrownBy(() -> access.require("Basic not-base64!", Scope.ANALYTICS_READ))
                .isInstanceOfSatisfying(AccessRefused.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void aKeyWithoutTheScopeIsForbidden() {
        assertThatThrownBy(() -> access.require("Bearer operator", Scope.ANALYTICS_READ))
                .isInstanceOfSatisfying(AccessRefused.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN))
                .hasMessageContaining("analytics:read");
    }
}
