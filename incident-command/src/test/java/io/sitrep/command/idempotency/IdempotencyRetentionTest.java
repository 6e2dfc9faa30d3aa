package io.sitrep.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.command.api.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Keys past their retention are forgotten, in chunks small enough for the 1 s statement limit; younger ones stay. */
class IdempotencyRetentionTest extends ApiTestSupport {

    @Autowired
    IdempotencyStore store;

    @Test
    void keysPastTheirRetentionAreForgottenAFewThousandAtATime() {
        String apiKey = "retention-" + System.nanoTime();
        jdbc.sql("""
                        insert into idempotent_request (api_key_hash, idempotency_key, request_hash, incident_id, version, created_at)
                        select ?, 'old-' || n, 'hash', 'inc_old', 1, now() - interval '3 days' from generate_series(1, 12345) n""")
                .param(apiKey).update();
        jdbc.sql("""
                        insert into idempotent_request (api_key_hash, idempotency_key, request_hash, incident_id, version)
                        select ?, 'young-' || n, 'hash', 'inc_young', 1 from generate_series(1, 3) n""")
                .param(apiKey).update();

        store.forgetExpired();

        assertThat(jdbc.sql("select idempotency_key from idempotent_request where api_key_hash = ? order by 1")
                .param(apiKey).query(String.class).list()).containsExactly("young-1", "young-2", "young-3");
    }
}
