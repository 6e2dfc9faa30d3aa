package io.sitrep.command.idempotency;

import io.sitrep.command.incident.IncidentCommands.IncidentWritten;
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
class IdempotencyStore {

    record Answer(String requestHash, IncidentWritten written) {

        /** The first answer again, if the repeat is the same request; the same key with another is refused. */
        IncidentWritten replay(IdempotencyKey repeat) {
            if (!requestHash.equals(repeat.requestHash())) {
                throw new IdempotencyKeyReused(repeat.key());
            }
            return written;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

    private final JdbcClient jdbc;
    private final Duration retention;

    IdempotencyStore(JdbcClient jdbc, @Value("${sitrep.idempotency.retention:PT24H}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    Optional<Answer> find(IdempotencyKey key) {
        return jdbc.sql("""
                        select request_hash, incident_id, version from idempotent_request
                        where api_key_hash = ? and idempotency_key = ?""")
                .params(key.apiKeyHash(), key.key())
                .query((rs, row) -> new Answer(rs.getString("request_hash"),
                        new IncidentWritten(rs.getString("incident_id"), rs.getLong("version"))))
                .optional();
    }

    /** Records an answer; a second answer for the same key fails on the primary key. */
    void insert(IdempotencyKey key, IncidentWritten written) {
        jdbc.sql("""
                        insert into idempotent_request (api_key_hash, idempotency_key, request_hash, incident_id, version)
                        values (?, ?, ?, ?, ?)""")
                .params(key.apiKeyHash(), key.key(), key.requestHash(), written.incidentId(), written.version())
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpired() {
        int forgotten = jdbc.sql("delete from idempotent_request where created_at < now() - ?::interval")
                .param(retention.toSeconds() + " seconds")
                .update();
        if (forgotten > 0) {
            log.info("Forgot {} idempotency keys older than {}", forgotten, retention);
        }
    }
}
