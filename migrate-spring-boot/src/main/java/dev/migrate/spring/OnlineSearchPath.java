package dev.migrate.spring;

import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.sql.VersionViews;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * {@code migrate.online.search-path=true}: while the revision the application was built with is an online
 * revision whose schema of views is there ({@code public_<revision>}), the application's connections put
 * that schema first in their search path, so the application reads and writes the new shape through its
 * views during the rollout, and its writes are told apart from those of the instances still running the
 * revision before. The migration's own connections keep the search path they had.
 *
 * <p>The DataSource beans are wrapped when they are made; the wrapper does nothing until the migration at
 * startup has run and {@link #activate} found the schema. Each physical connection of a pool is set once.
 */
final class OnlineSearchPath implements BeanPostProcessor {
    /** The {@code SET search_path} every connection runs once; null while there is nothing to set. */
    private volatile @Nullable String setting;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Wrapped)
                ? new Wrapped(dataSource, this)
                : bean;
    }

    /** The DataSource the migration runs on: the application's, without the search path. */
    static DataSource unwrapped(DataSource dataSource) {
        return dataSource instanceof Wrapped wrapped ? wrapped.target : dataSource;
    }

    /**
     * After the migration at startup: puts the schemas of views of the application's revision first in the
     * search path of its connections, when the migrations have one head and such a schema is there.
     */
    void activate(Migrator migrator, DataSource dataSource, MigrationLog log) {
        List<String> heads = migrator.heads();
        if (heads.size() != 1) {
            return;
        }
        String revision = heads.get(0);
        try (Connection c = unwrapped(dataSource).getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT string_agg(quote_ident(v.nspname), ', ' ORDER BY v.nspname),"
                                + " current_setting('search_path') FROM pg_namespace v JOIN pg_namespace base"
                                + " ON v.nspname = " + VersionViews.sql("base.nspname", revision))) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                String views = rs.getString(1);
                if (views == null) {
                    return;
                }
                setting = "SET search_path TO " + views + ", " + rs.getString(2);
                log.info("migrate.online.search-path: revision " + revision + " is online, so the application's"
                        + " connections read and write through " + views + " (" + setting + ").");
            }
        } catch (SQLException e) {
            log.warn("migrate.online.search-path: could not look for the schema of views of revision " + revision
                    + ", so the application's connections keep their search path: " + e.getMessage());
        }
    }

    /** Sets the search path on a connection it was not set on yet. */
    private void prepare(Connection connection, Map<Object, Boolean> done) throws SQLException {
        String sql = setting;
        if (sql == null) {
            return;
        }
        // a pool's connection unwraps to its physical connection, which keeps its session between checkouts
        Object physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
        if (done.putIfAbsent(physical, Boolean.TRUE) == null) {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                done.remove(physical);
                throw e;
            }
        }
    }

    /** The application's DataSource, its connections given the search path once it is active. */
    private static final class Wrapped implements DataSource {
        private final DataSource target;
        private final OnlineSearchPath path;
        private final Map<Object, Boolean> done = Collections.synchronizedMap(new WeakHashMap<>());

        Wrapped(DataSource target, OnlineSearchPath path) {
            this.target = target;
            this.path = path;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return prepared(target.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return prepared(target.getConnection(username, password));
        }

        private Connection prepared(Connection connection) throws SQLException {
            try {
                path.prepare(connection, done);
                return connection;
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || target.isWrapperFor(type);
        }
    }
}
