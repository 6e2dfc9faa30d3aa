package io.sitrep.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void parsesKeysWithTheirScopes() {
        ApiKeys keys = ApiKeys.parse("alpha=pages:write,incidents:write; beta=analytics:read");
        assertThat(keys.authenticate("alpha")).hasValueSatisfying(client ->
                assertThat(client.scopes()).isEqualTo(Set.of(Scope.PAGES_WRITE, Scope.INCIDENTS_WRITE)));
        assertThat(keys.authenticate("beta")).hasValueSatisfying(client ->
                assertThat(client.scopes()).containsExactly(Scope.ANALYTICS_READ));
        assertThat(keys.authenticate("gamma")).isEmpty();
        assertThat(keys.authenticate("alph")).isEmpty();
    }

    @Test
    void identifiesAClientByTheSha256OfItsKeyOnly() throws Exception {
        ApiClient client = ApiKeys.parse("s3cret-key=admin").authenticate("s3cret-key").orElseThrow();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("s3cret-key".getBytes(StandardCharsets.UTF_8));
        assertThat(client.keyHash()).isEqualTo(HexFormat.of().formatHex(digest));
        assertThat(client.toString()).doesNotContain("s3cret-key");
    }

    @Test
    void refusesToStartWithoutKeys() {
        assertThatThrownBy(() -> ApiKeys.parse("")).hasMessageContaining("SITREP_API_KEYS");
        assertThatThrownBy(() -> ApiKeys.parse(" ; ")).hasMessageContaining("SITREP_API_KEYS");
    }

    @Test
    void refusesAnUnknownScopeWithoutEchoingTheKey() {
        assertThatThrownBy(() -> ApiKeys.parse("topsecret=pages:write,incidents:delete"))
                .hasMessageContaining("incidents:delete")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void refusesAnEntryWithoutScopes() {
        assertThatThrownBy(() -> ApiKeys.parse("topsecret")).hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> ApiKeys.parse("topsecret=")).hasMessageNotContaining("topsecret");
    }
}
