package dev.migrate.autogen.internal.scratch;

import dev.migrate.sql.Identifiers;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The schemas entity DDL names explicitly ({@code @Table(schema = "audit")},
 * {@code hibernate.default_schema}), and the same DDL with each of them moved to a stand-in.
 *
 * <p>A schema-qualified name bypasses the search path, so the DDL would otherwise create its
 * objects in the user's real schemas. Only names in the places DDL names an object are taken:
 * after {@code TABLE}, {@code SEQUENCE}, {@code TYPE}, {@code VIEW}, {@code INDEX ... ON},
 * {@code IF [NOT] EXISTS} and {@code REFERENCES}, and elsewhere an object the DDL itself creates
 * (an enum type used by a column). Functions and types of other schemas ({@code pg_catalog.now()},
 * an extension's type) are left alone. Literals and comments, in every quoting PostgreSQL has
 * ({@link SqlLexer}), are never touched.
 */
public final class QualifiedDdl {
    private static final Set<String> OBJECT_KEYWORDS =
            Set.of("table", "sequence", "type", "view", "on", "exists", "references");

    private QualifiedDdl() {}

    /** The schemas the DDL names for the objects it creates or refers to, in order of first mention. */
    public static Set<String> schemas(List<String> ddl) {
        Set<String> schemas = new LinkedHashSet<>();
        for (String sql : ddl) {
            if (sql.indexOf('.') < 0 && !sql.toLowerCase(Locale.ROOT).contains("schema")) {
                continue; // names no schema: most of a model's DDL, not worth lexing
            }
            List<SqlToken> tokens = SqlLexer.tokens(sql);
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
     * The schemas the DDL creates ({@code CREATE SCHEMA}) or creates a table in ({@code CREATE TABLE audit.log}), in
     * order of first mention: a schema it merely refers to ({@code REFERENCES auth.users}) is not among them.
     */
    public static Set<String> tableSchemas(List<String> ddl) {
        Set<String> schemas = new LinkedHashSet<>();
        for (String sql : ddl) {
            List<SqlToken> tokens = SqlLexer.tokens(sql);
            String schema =
                    isCreateSchema(tokens) ? tokens.get(tokens.size() - 1).name() : tableSchema(tokens);
            if (schema != null) {
                schemas.add(schema);
            }
        }
        return schemas;
    }

    /** The schemas the DDL creates with {@code CREATE SCHEMA}. */
    public static Set<String> createdSchemas(List<String> ddl) {
        Set<String> schemas = new LinkedHashSet<>();
        for (String sql : ddl) {
            List<SqlToken> tokens = SqlLexer.tokens(sql);
            if (isCreateSchema(tokens)) {
                schemas.add(tokens.get(tokens.size() - 1).name());
            }
        }
        return schemas;
    }

    /**
     * The schema of the table {@code create [global|local] [temporary|unlogged] table [if not exists] schema.name}
     * creates, or null when the statement is another or names no schema.
     */
    private static @Nullable String tableSchema(List<SqlToken> tokens) {
        int i = 1;
        while (i < tokens.size() && i < 4 && !tokens.get(i).isWord("table")) {
            i++;
        }
        if (tokens.isEmpty() || !tokens.get(0).isWord("create") || i >= tokens.size() || i == 4) {
            return null;
        }
        i++;
        if (i + 2 < tokens.size() && tokens.get(i).isWord("if")) {
            i += 3;
        }
        boolean qualified = i + 2 < tokens.size()
                && tokens.get(i).isIdentifier()
                && tokens.get(i + 1).is(".")
                && tokens.get(i + 2).isIdentifier();
        return qualified ? tokens.get(i).name() : null;
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
            List<SqlToken> tokens = SqlLexer.tokens(sql);
            if (isCreateSchema(tokens)) {
                continue;
            }
            StringBuilder out = new StringBuilder(sql.length());
            int copied = 0;
            for (int i = 0; i + 2 < tokens.size(); i++) {
                SqlToken schema = tokens.get(i);
                if (schema.isIdentifier()
                        && standIns.containsKey(schema.name())
                        && isQualifiedObjectName(tokens, i, created)) {
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
            List<SqlToken> tokens = SqlLexer.tokens(sql);
            if (!tokens.isEmpty() && tokens.get(0).isWord("create")) {
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
    private static boolean isCreateSchema(List<SqlToken> tokens) {
        return tokens.size() >= 3
                && tokens.get(0).isWord("create")
                && tokens.get(1).isWord("schema")
                && tokens.stream().allMatch(SqlToken::isIdentifier);
    }

    /** Whether tokens {@code i, i+1, i+2} are {@code schema . name} naming an object, not a function. */
    private static boolean isQualifiedObjectName(List<SqlToken> tokens, int i, Set<String> created) {
        SqlToken schema = tokens.get(i);
        SqlToken dot = tokens.get(i + 1);
        SqlToken name = tokens.get(i + 2);
        if (!schema.isIdentifier()
                || !dot.is(".")
                || !name.isIdentifier()
                || dot.start() != schema.end()
                || name.start() != dot.end()) {
            return false;
        }
        if (i > 0 && tokens.get(i - 1).is(".")) {
            return false; // the middle of a.b.c
        }
        if (i + 3 < tokens.size()
                && tokens.get(i + 3).is("(")
                && tokens.get(i + 3).start() == name.end()) {
            return false; // a function call
        }
        boolean afterKeyword = i > 0
                && tokens.get(i - 1).kind() == SqlToken.Kind.WORD
                && OBJECT_KEYWORDS.contains(tokens.get(i - 1).name());
        return afterKeyword || created.contains(schema.name() + "." + name.name());
    }
}
