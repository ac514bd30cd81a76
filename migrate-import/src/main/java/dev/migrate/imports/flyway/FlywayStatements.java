package dev.migrate.imports.flyway;

import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.TokenCursor;
import java.util.ArrayList;
import java.util.List;

/**
 * A Flyway script cut into statements with the engine's lexer, so that semicolons inside {@code $$} bodies,
 * strings, quoted names, comments and {@code BEGIN ATOMIC ... END} bodies cut nothing, as Flyway's PostgreSQL
 * parser does.
 */
final class FlywayStatements {
    private FlywayStatements() {}

    /**
     * One statement.
     *
     * @param text the statement as written, from its first token to its last, without the semicolon
     * @param line the line it starts on, from 1
     * @param copyFromStdin whether it is {@code COPY ... FROM STDIN}, whose data rows Flyway sends after it
     * @param nonTransactional whether Flyway runs it outside a transaction ({@code CREATE INDEX CONCURRENTLY},
     *     {@code VACUUM}, ...), and so the whole script
     */
    record Statement(String text, int line, boolean copyFromStdin, boolean nonTransactional) {}

    static List<Statement> split(String sql) {
        List<Statement> statements = new ArrayList<>();
        int from = 0;
        scan:
        while (from < sql.length()) {
            List<SqlToken> tokens = SqlLexer.tokens(sql.substring(from));
            int first = 0;
            int atomic = 0;
            int cases = 0;
            for (int i = 0; i <= tokens.size(); i++) {
                SqlToken token = i < tokens.size() ? tokens.get(i) : null;
                if (token != null
                        && token.isWord("atomic")
                        && i > 0
                        && tokens.get(i - 1).isWord("begin")) {
                    atomic++;
                } else if (token != null && atomic > 0 && token.isWord("case")) {
                    cases++;
                } else if (token != null && atomic > 0 && token.isWord("end")) {
                    if (cases > 0) {
                        cases--;
                    } else {
                        atomic--;
                    }
                }
                boolean ends = token == null || (token.is(";") && atomic == 0);
                if (!ends) {
                    continue;
                }
                if (i > first) {
                    List<SqlToken> own = tokens.subList(first, i);
                    int start = from + own.get(0).start();
                    String text =
                            sql.substring(start, from + own.get(own.size() - 1).end());
                    boolean copy = isCopyFromStdin(own);
                    statements.add(new Statement(text, lineOf(sql, start), copy, isNonTransactional(own)));
                    if (copy) {
                        // the rows follow the statement up to a line "\."; they are data, not SQL
                        from = afterCopyData(sql, token == null ? sql.length() : from + token.end());
                        continue scan;
                    }
                }
                first = i + 1;
            }
            break;
        }
        return statements;
    }

    private static boolean isCopyFromStdin(List<SqlToken> tokens) {
        if (!tokens.get(0).isWord("copy")) {
            return false;
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("from") && tokens.get(i + 1).isWord("stdin")) {
                return true;
            }
        }
        return false;
    }

    /** What Flyway's PostgreSQL parser runs outside a transaction (the server refuses these inside one). */
    private static boolean isNonTransactional(List<SqlToken> tokens) {
        if (new TokenCursor(tokens).words("vacuum")
                || new TokenCursor(tokens).words("discard", "all")
                || new TokenCursor(tokens).words("alter", "system")) {
            return true;
        }
        for (String verb : List.of("create", "drop")) {
            TokenCursor cursor = new TokenCursor(tokens);
            if (cursor.words(verb)) {
                cursor.words("unique");
                if (cursor.words("index", "concurrently")) {
                    return true;
                }
                for (String what : List.of("database", "tablespace", "subscription")) {
                    if (new TokenCursor(tokens).words(verb, what)) {
                        return true;
                    }
                }
            }
        }
        TokenCursor reindex = new TokenCursor(tokens);
        if (reindex.words("reindex")) {
            reindex.words("verbose");
            return reindex.words("schema") || reindex.words("database") || reindex.words("system");
        }
        return false;
    }

    private static int afterCopyData(String sql, int afterStatement) {
        int lineStart = sql.indexOf('\n', afterStatement);
        while (lineStart >= 0) {
            int next = sql.indexOf('\n', lineStart + 1);
            String line = sql.substring(lineStart + 1, next < 0 ? sql.length() : next);
            if (line.strip().equals("\\.")) {
                return next < 0 ? sql.length() : next + 1;
            }
            lineStart = next;
        }
        return sql.length();
    }

    static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }
}
