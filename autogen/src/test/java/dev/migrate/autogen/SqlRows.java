package dev.migrate.autogen;

import dev.migrate.op.Op;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQL run and rows read on a test's connection, for the tests of declared rows. */
final class SqlRows {
    private SqlRows() {}

    /** Runs the SQL of {@code ops}, one statement after another. */
    static void run(Connection c, List<Op> ops) throws SQLException {
        for (String sql : OpSql.renderAll(ops)) {
            execute(c, sql);
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of each row {@code query} returns. */
    static List<String> rows(Connection c, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
