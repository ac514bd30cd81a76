package dev.migrate.internal.connection;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
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
 *
 * <p>A class of its own rather than a {@link java.lang.reflect.Proxy}: a short command lends its first connection as
 * soon as it is logged in, and a proxy's class is generated at the first lending (9 ms of a command line's run) and
 * calls through reflection.
 */
public final class LentConnection implements Connection {
    private final Connection real;
    private final Consumer<Connection> giveBack;
    private final String given;
    private volatile boolean returned;

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
        return new LentConnection(real, giveBack, given);
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

    /** The connection, while it is lent; after it was given back, a failure that says why it is closed. */
    private Connection open() throws SQLException {
        if (returned) {
            throw new SQLException(closedBecause());
        }
        return real;
    }

    private String closedBecause() {
        return "This connection was closed: " + given + ".";
    }

    @Override
    public void close() {
        synchronized (this) {
            if (returned) {
                return;
            }
            returned = true;
        }
        giveBack.accept(real);
    }

    @Override
    public boolean isClosed() throws SQLException {
        return returned || real.isClosed();
    }

    /** As {@link #open()}, failing as {@code setClientInfo} declares it fails. */
    private Connection openForClientInfo() throws SQLClientInfoException {
        if (returned) {
            throw new SQLClientInfoException(closedBecause(), Map.of());
        }
        return real;
    }

    @Override
    public void setClientInfo(String name, @Nullable String value) throws SQLClientInfoException {
        openForClientInfo().setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        openForClientInfo().setClientInfo(properties);
    }

    @Override
    public Statement createStatement() throws SQLException {
        return open().createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return open().prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return open().prepareCall(sql);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return open().nativeSQL(sql);
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        open().setAutoCommit(autoCommit);
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return open().getAutoCommit();
    }

    @Override
    public void commit() throws SQLException {
        open().commit();
    }

    @Override
    public void rollback() throws SQLException {
        open().rollback();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return open().getMetaData();
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        open().setReadOnly(readOnly);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return open().isReadOnly();
    }

    @Override
    public void setCatalog(@Nullable String catalog) throws SQLException {
        open().setCatalog(catalog);
    }

    @Override
    public @Nullable String getCatalog() throws SQLException {
        return open().getCatalog();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        open().setTransactionIsolation(level);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return open().getTransactionIsolation();
    }

    @Override
    public @Nullable SQLWarning getWarnings() throws SQLException {
        return open().getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        open().clearWarnings();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return open().createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        return open().prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return open().prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return open().getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        open().setTypeMap(map);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        open().setHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        return open().getHoldability();
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return open().setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return open().setSavepoint(name);
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        open().rollback(savepoint);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        open().releaseSavepoint(savepoint);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return open().createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public PreparedStatement prepareStatement(
            String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return open().prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public CallableStatement prepareCall(
            String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return open().prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return open().prepareStatement(sql, autoGeneratedKeys);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return open().prepareStatement(sql, columnIndexes);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return open().prepareStatement(sql, columnNames);
    }

    @Override
    public Clob createClob() throws SQLException {
        return open().createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return open().createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return open().createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return open().createSQLXML();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return open().isValid(timeout);
    }

    @Override
    public @Nullable String getClientInfo(String name) throws SQLException {
        return open().getClientInfo(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return open().getClientInfo();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return open().createArrayOf(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return open().createStruct(typeName, attributes);
    }

    @Override
    public void setSchema(@Nullable String schema) throws SQLException {
        open().setSchema(schema);
    }

    @Override
    public @Nullable String getSchema() throws SQLException {
        return open().getSchema();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        open().abort(executor);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        open().setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return open().getNetworkTimeout();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return open().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return open().isWrapperFor(iface);
    }
}
