package io.sitrep.support;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures mean that the database could not be reached, as opposed to a bug or a statement
 * that cannot succeed: Spring's data-access hierarchy decides ({@link DataAccessResourceFailureException},
 * which its SQLSTATE translator makes of connection failures, class 08, and of a server shutting
 * down or out of resources, classes 53, 57 and 58), wherever it is among a failure's causes.
 */
public final class DatabaseFailures {

    private static final SQLStateSQLExceptionTranslator SQL_STATES = new SQLStateSQLExceptionTranslator();

    private DatabaseFailures() {
    }

    public static boolean outOfReach(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof SQLException sql
                    && SQL_STATES.translate("", null, sql) instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
