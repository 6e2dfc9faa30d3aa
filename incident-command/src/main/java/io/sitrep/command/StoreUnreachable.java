package io.sitrep.command;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The event store cannot be reached at the moment: nothing was changed (a 503). */
public class StoreUnreachable extends RuntimeException {

    public StoreUnreachable() {
        super("the event store cannot be reached; nothing was changed, try again shortly");
    }

    /**
     * Whether a failure means that the database could not be reached, as opposed to a bug or a bad
     * statement: no connection (SQLSTATE class 08) or a server shutting down (57P), anywhere in its causes.
     */
    public static boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
