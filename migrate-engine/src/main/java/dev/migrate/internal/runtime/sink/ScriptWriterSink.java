package dev.migrate.internal.runtime.sink;

import dev.migrate.JdbcWork;
import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Prints statements as a SQL script, each ended by a semicolon. */
public final class ScriptWriterSink implements ScriptSink {
    private final Writer out;

    public ScriptWriterSink(Writer out) {
        this.out = out;
    }

    @Override
    public void begin() {
        write("BEGIN;\n\n");
    }

    @Override
    public void execute(String sql) {
        write(sql + ";\n\n");
    }

    @Override
    public void executeAll(List<String> statements) {
        statements.forEach(this::execute);
    }

    @Override
    public void jdbc(JdbcWork work, String revision) {
        throw new MigrateException(
                "Migration " + revision + " runs JDBC code (op.jdbc), which needs a live database, so it "
                        + "cannot be written as an offline SQL script. Run it online, or express it with op.execute(...) "
                        + "or op.bulkInsert(...).");
    }

    @Override
    public void commit() {
        write("COMMIT;\n\n");
    }

    @Override
    public void rollback() {
        // nothing was run
    }

    @Override
    public boolean offline() {
        return true;
    }

    @Override
    public void comment(String text) {
        write("-- " + text.replace("\n", "\n-- ") + "\n\n");
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the SQL script", e);
        }
    }
}
