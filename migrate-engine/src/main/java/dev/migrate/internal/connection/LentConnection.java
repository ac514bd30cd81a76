package dev.migrate.internal.connection;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A connection lent out of connections kept open: closing it gives it back, once; everything else is the
 * connection's own. What keeps connections between their users resets each one given back to a new session's state
 * ({@link #reset(Connection)}), so that a user finds what a new login would give it.
 *
 * <pre>{@code
 * Connection lent = LentConnection.lend(real, this::giveBack, "its tenant's run gave it back");
 * }</pre>
 */
public final class LentConnection implements InvocationHandler {
    private final Connection real;
    private final Consumer<Connection> giveBack;
    private final String given;
    private boolean returned;

    private LentConnection(Connection real, Consumer<Connection> giveBack, String given) {
        this.real = real;
        this.giveBack = giveBack;
        this.given = given;
    }

    /**
     * {@code real}, lent: its first {@code close()} hands it to {@code giveBack}; a use after that fails with a
     * message that says the connection was closed because {@code given} (as {@code "its tenant's run gave it back"}).
     */
    public static Connection lend(Connection real, Consumer<Connection> giveBack, String given) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new LentConnection(real, giveBack, given));
    }

    /**
     * Whether {@code c} could be brought back to a new session's state: its transaction ended and its session reset
     * ({@code DISCARD ALL}: settings, role, advisory locks, temporary tables and prepared statements gone). A
     * connection left broken, or in a state no reset reaches, is not: its keeper closes it.
     */
    public static boolean reset(Connection c) {
        try {
            if (c.isClosed()) {
                return false;
            }
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            try (Statement s = c.createStatement()) {
                s.execute("DISCARD ALL");
            }
            c.clearWarnings();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes {@code c}, which is going away either way: a failure to close it changes nothing. */
    public static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // going away either way
        }
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close" -> {
                if (!returned) {
                    returned = true;
                    giveBack.accept(real);
                }
                return null;
            }
            case "isClosed" -> {
                if (returned) {
                    return true;
                }
            }
            case "equals" -> {
                return args != null && proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            default -> {
                if (returned) {
                    throw new SQLException("This connection was closed: " + given + ".");
                }
            }
        }
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() == null ? e : e.getCause();
        }
    }
}
