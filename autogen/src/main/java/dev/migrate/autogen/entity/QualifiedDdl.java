package dev.migrate.autogen.entity;

import dev.migrate.internal.sql.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The schemas entity DDL names explicitly ({@code @Table(schema = "audit")},
 * {@code hibernate.default_schema}), and the same DDL with each of them moved to a stand-in.
 *
 * <p>A schema-qualified name bypasses the search path, so the DDL would otherwise create its
 * objects in the user's real schemas. Only names in the places DDL names an object are taken:
 * after {@code TABLE}, {@code SEQUENCE}, {@code TYPE}, {@code VIEW}, {@code INDEX ... ON},
 * {@code IF [NOT] EXISTS} and {@code REFERENCES}, and elsewhere an object the DDL itself creates
 * (an enum type used by a column). Functions and types of other schemas ({@code pg_catalog.now()},
 * an extension's type) are left alone. String literals are never touched.
 */
public final class QualifiedDdl {
    private static final Set<String> OBJECT_KEYWORDS =
            Set.of("table", "sequence", "type", "view", "on", "exists", "references");

    private QualifiedDdl() {}

    /** A name as PostgreSQL stores it: an unquoted identifier folded to lower case, a quoted one as written. */
    private record Token(int start, int end, String text, boolean identifier, String name) {}

    /** The schemas the DDL names for the objects it creates or refers to, in order of first mention. */
    public static Set<String> schemas(List<String> ddl) {
        Set<String> schemas = new LinkedHashSet<>();
        for (String sql : ddl) {
            List<Token> tokens = tokens(sql);
            if (isCreateSchema(tokens)) {
                schemas.add(tokens.get(tokens.size() - 1).name());
                continue;
            }
            for (int i = 0; i + 2 < tokens.size(); i++) {
                if (isQualifiedObjectName(tokens, i, Set.of())) {
                    schemas.add(tokens.get(i).name());
                }
            }
        }
        return schemas;
    }

    /**
     * The DDL with every schema in {@code standIns} replaced by its stand-in where it names an
     * object, and without {@code CREATE SCHEMA} statements (with {@code hibernate.hbm2ddl.create_namespaces}),
     * which would create the real schema: the stand-ins are made by the caller.
     */
    static List<String> rewrite(List<String> ddl, Map<String, String> standIns) {
        Set<String> created = created(ddl);
        List<String> rewritten = new ArrayList<>(ddl.size());
        for (String sql : ddl) {
            List<Token> tokens = tokens(sql);
            if (isCreateSchema(tokens)) {
                continue;
            }
            StringBuilder out = new StringBuilder(sql.length());
            int copied = 0;
            for (int i = 0; i + 2 < tokens.size(); i++) {
                Token schema = tokens.get(i);
                if (standIns.containsKey(schema.name()) && isQualifiedObjectName(tokens, i, created)) {
                    out.append(sql, copied, schema.start()).append(Identifiers.quote(standIns.get(schema.name())));
                    copied = schema.end();
                }
            }
            rewritten.add(out.append(sql.substring(copied)).toString());
        }
        return rewritten;
    }

    /** {@code schema.name} of every table, sequence and type the DDL creates. */
    private static Set<String> created(List<String> ddl) {
        Set<String> created = new LinkedHashSet<>();
        for (String sql : ddl) {
            List<Token> tokens = tokens(sql);
            if (!tokens.isEmpty() && tokens.get(0).text().equalsIgnoreCase("create")) {
                for (int i = 0; i + 2 < tokens.size(); i++) {
                    if (isQualifiedObjectName(tokens, i, Set.of())) {
                        created.add(
                                tokens.get(i).name() + "." + tokens.get(i + 2).name());
                        break;
                    }
                }
            }
        }
        return created;
    }

    /** {@code create schema [if not exists] name}. */
    private static boolean isCreateSchema(List<Token> tokens) {
        return tokens.size() >= 3
                && tokens.get(0).text().equalsIgnoreCase("create")
                && tokens.get(1).text().equalsIgnoreCase("schema")
                && tokens.get(tokens.size() - 1).identifier()
                && tokens.stream().allMatch(Token::identifier);
    }

    /** Whether tokens {@code i, i+1, i+2} are {@code schema . name} naming an object, not a function. */
    private static boolean isQualifiedObjectName(List<Token> tokens, int i, Set<String> created) {
        Token schema = tokens.get(i);
        Token dot = tokens.get(i + 1);
        Token name = tokens.get(i + 2);
        if (!schema.identifier()
                || !".".equals(dot.text())
                || !name.identifier()
                || dot.start() != schema.end()
                || name.start() != dot.end()) {
            return false;
        }
        if (i > 0 && ".".equals(tokens.get(i - 1).text())) {
            return false; // the middle of a.b.c
        }
        if (i + 3 < tokens.size()
                && "(".equals(tokens.get(i + 3).text())
                && tokens.get(i + 3).start() == name.end()) {
            return false; // a function call
        }
        boolean afterKeyword =
                i > 0 && OBJECT_KEYWORDS.contains(tokens.get(i - 1).text().toLowerCase(Locale.ROOT));
        return afterKeyword || created.contains(schema.name() + "." + name.name());
    }

    /** Identifiers, quoted identifiers and single punctuation; string literals and whitespace are skipped. */
    private static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '\'') {
                i = closing(sql, i, '\'');
            } else if (ch == '"') {
                int end = closing(sql, i, '"');
                String text = sql.substring(i, end);
                tokens.add(new Token(
                        i,
                        end,
                        text,
                        true,
                        text.substring(1, Math.max(1, text.length() - 1)).replace("\"\"", "\"")));
                i = end;
            } else if (Character.isLetter(ch) || ch == '_') {
                int end = i + 1;
                while (end < n
                        && (Character.isLetterOrDigit(sql.charAt(end))
                                || sql.charAt(end) == '_'
                                || sql.charAt(end) == '$')) {
                    end++;
                }
                String text = sql.substring(i, end);
                tokens.add(new Token(i, end, text, true, text.toLowerCase(Locale.ROOT)));
                i = end;
            } else {
                tokens.add(new Token(i, i + 1, String.valueOf(ch), false, null));
                i++;
            }
        }
        return tokens;
    }

    /** The index after the quote that closes the one at {@code start}; a doubled quote is part of the text. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
