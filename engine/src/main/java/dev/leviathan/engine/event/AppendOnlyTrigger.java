package dev.leviathan.engine.event;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's guard for the events table: every UPDATE and DELETE is refused. */
public final class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("events are append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                "P0001");
    }
}
