package dev.migrate.catalog.diff;

import dev.migrate.sql.Identifiers;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The columns an expression of a table reads ({@code pg_get_expr}, {@code pg_get_indexdef}, a check's text), found
 * by its tokens: an identifier that is not qualified ({@code x.a}), a type ({@code ::a}) or a function called ({@code
 * a(}). A string or a comment never counts.
 */
final class ColumnNames {
    private ColumnNames() {}

    /** Whether {@code sql} reads one of {@code columns}. */
    static boolean readIn(String sql, Collection<String> columns) {
        if (columns.isEmpty()) {
            return false;
        }
        List<SqlToken> tokens = SqlLexer.tokens(sql);
        for (int i = 0; i < tokens.size(); i++) {
            String column = column(tokens, i);
            if (column != null && columns.contains(column)) {
                return true;
            }
        }
        return false;
    }

    /** {@code sql} with each column of {@code renamed} it reads spelled by its new name. */
    static String renamedIn(String sql, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return sql;
        }
        List<SqlToken> tokens = SqlLexer.tokens(sql);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String column = column(tokens, i);
            String to = column == null ? null : renamed.get(column);
            if (to != null) {
                out.append(sql, copied, tokens.get(i).start()).append(Identifiers.quote(to));
                copied = tokens.get(i).end();
            }
        }
        return out.append(sql.substring(copied)).toString();
    }

    /** The column the token at {@code i} names, or null when it names none. */
    private static @Nullable String column(List<SqlToken> tokens, int i) {
        SqlToken token = tokens.get(i);
        boolean qualified =
                i > 0 && (tokens.get(i - 1).is(".") || tokens.get(i - 1).is("::"));
        boolean called = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
        return token.isIdentifier() && !qualified && !called ? token.name() : null;
    }
}
