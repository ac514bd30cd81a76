package dev.migrate.autogen.objects;

import java.util.Objects;

/**
 * One statement of a file of declared objects, with where it was written, for the error that names it.
 *
 * @param file the file, as the user names it ({@code src/main/resources/db/objects/views.sql})
 * @param line the line its first word is on, counted from 1
 * @param sql the statement, without its semicolon
 */
public record DeclaredStatement(String file, int line, String sql) {
    public DeclaredStatement {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sql, "sql");
    }

    /** {@code views.sql line 4 (CREATE VIEW active_orders AS SELECT ...)}. */
    public String where() {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return file + " line " + line + " (" + (oneLine.length() <= 70 ? oneLine : oneLine.substring(0, 70) + " ...")
                + ")";
    }
}
