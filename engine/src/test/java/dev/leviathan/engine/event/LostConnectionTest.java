package dev.leviathan.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failed appends are retried: those whose connection was lost, so their fate is unknown. */
class LostConnectionTest {

    @Test
    void aBrokenConnectionIsLost() {
        assertThat(JooqEventStore.isConnectionLost(new SQLNonTransientConnectionException(
                "Connection is broken: \"session closed\"", "90067", 90067))).isTrue();
        assertThat(JooqEventStore.isConnectionLost(new SQLException("wrapped",
                new SQLException("Connection is broken", "90067", 90067)))).isTrue();
    }

    @Test
    void aStatementFailedByTheHostClosingTheDatabaseIsLostWhenTheRollbackFindsTheConnectionBroken() {
        // What a writer saw when the auto-server host process exited mid-append (ConcurrentWritersTest).
        SQLException failed = new SQLException("General error: \"Transaction 1 has status ROLLED_BACK, not OPEN\"",
                "HY000", 50000);
        assertThat(JooqEventStore.isConnectionLost(failed)).isFalse();

        failed.addSuppressed(new SQLNonTransientConnectionException("Connection is broken: \"session closed\"",
                "90067", 90067));
        assertThat(JooqEventStore.isConnectionLost(failed)).isTrue();
    }

    @Test
    void aRefusedStatementOnAWorkingConnectionIsNot() {
        SQLException unique = new SQLException("Unique index or primary key violation", "23505", 23505);
        unique.addSuppressed(new SQLException("rollback refused for another reason", "HY000", 50000));
        assertThat(JooqEventStore.isConnectionLost(unique)).isFalse();
    }
}
