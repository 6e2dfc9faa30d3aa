package io.sitrep.command.idempotency;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The answers given to idempotent requests, in the event store's database. */
@Repository
public class IdempotencyStore {

    private static final int FORGET_AT_ONCE = 5_000;

    /** An answer as stored, with the fingerprint of the request it answered. */
    private record Stored(String requestHash, String id, long version) implements IdempotentResult {
    }

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

    private final JdbcClient jdbc;
    private final Duration retention;

    IdempotencyStore(JdbcClient jdbc, @Value("${sitrep.idempotency.retention:PT24H}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /**
     * The answer already given to a request with this key, if any.
     *
     * @throws IdempotencyKeyReused when the key answered another request
     */
    public Optional<IdempotentResult> answered(IdempotencyKey key) {
        Optional<Stored> stored = jdbc.sql("""
                        select request_hash, incident_id, version from idempotent_request
                        where api_key_hash = ? and idempotency_key = ?""")
                .params(key.apiKeyHash(), key.key())
                .query((rs, row) -> new Stored(rs.getString("request_hash"), rs.getString("incident_id"),
                        rs.getLong("version")))
                .optional();
        if (stored.isPresent() && !stored.get().requestHash().equals(key.requestHash())) {
            throw new IdempotencyKeyReused(key.key());
        }
        return stored.map(IdempotentResult.class::cast);
    }

    /** Records an answer; a second answer for the same key fails on the primary key. */
    void insert(IdempotencyKey key, IdempotentResult answer) {
        jdbc.sql("""
                        insert into idempotent_request (api_key_hash, idempotency_key, request_hash, incident_id, version)
                        values (?, ?, ?, ?, ?)""")
                .params(key.apiKeyHash(), key.key(), key.requestHash(), answer.id(), answer.version())
                .update();
    }

    /**
     * Forgets the keys past their retention, a few thousand at a time: every statement of this
     * service must finish within its connections' 1 s socket timeout, and an hour of keys at a
     * thousand writes a second is millions of rows.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        int forgotten = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            delete from idempotent_request where (api_key_hash, idempotency_key) in (
                                select api_key_hash, idempotency_key from idempotent_request
                                where created_at < now() - ?::interval limit ?)""")
                    .params(retention.toSeconds() + " seconds", FORGET_AT_ONCE)
                    .update();
            forgotten += deleted;
        } while (deleted == FORGET_AT_ONCE);
        if (forgotten > 0) {
            log.info("Forgot {} idempotency keys older than {}", forgotten, retention);
        }
    }
}
