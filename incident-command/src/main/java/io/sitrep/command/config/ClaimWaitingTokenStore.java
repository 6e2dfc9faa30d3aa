package io.sitrep.command.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;

/**
 * Axon's JDBC token store, but an instance that tries to claim a token whose row another instance
 * holds locked waits at most half a second, then counts the token as owned by that instance.
 *
 * <p>The instance running the relay keeps the token's row locked for the whole of a batch, which
 * lasts as long as Kafka takes to acknowledge it (KafkaRelay). Left to Axon, another instance's
 * claim would wait on that lock until the connections' 1 s socket timeout broke the connection,
 * and would log a stack trace every time it tried again. Here the claim takes the lock with
 * PostgreSQL's {@code lock_timeout}, and a lock still held after it is what Axon expects of a token
 * owned elsewhere ({@link UnableToClaimTokenException}), which it notes quietly and tries again later.
 */
class ClaimWaitingTokenStore extends JdbcTokenStore {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    ClaimWaitingTokenStore(JdbcTokenStore.Builder builder) {
        super(builder);
    }

    @Override
    protected PreparedStatement selectForUpdate(Connection connection, String processorName, int segment)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '500ms'"); // for this claim's transaction only
        }
        PreparedStatement select = super.selectForUpdate(connection, processorName, segment);
        try {
            // Takes the row's lock now; Axon's own run of the statement then finds it held by this transaction.
            select.executeQuery().close();
        } catch (SQLException e) {
            select.close();
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new UnableToClaimTokenException("The token of " + processorName + ", segment " + segment
                        + ", is locked by the instance processing it");
            }
            throw e;
        }
        return select;
    }
}
