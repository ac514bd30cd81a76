package dev.migrate.internal.runtime.sink;

import dev.migrate.internal.runtime.script.Script;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SqlOp;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.TokenCursor;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tells what each statement of a {@code transactional = false} migration leaves when it is cut: from
 * the operation when there is one, and from the SQL text, read by {@link SqlLexer}, for
 * {@code op.execute(sql)}, which may hold a concurrent index command of its own.
 */
public final class CutStatements {
    private CutStatements() {}

    /** What {@code statement} may leave behind when it fails or is cut; empty when it commits whole or not at all. */
    public static List<Leftover> of(Script.Statement statement) {
        Op op = statement.op();
        if (op instanceof IndexOp.CreateIndex create) {
            return create.isConcurrent()
                    ? List.of(new Leftover.InvalidIndex(create.table(), create.name()))
                    : List.of();
        }
        if (op instanceof IndexOp.DropIndex drop) {
            return drop.concurrently() ? List.of(new Leftover.IndexNotDropped(drop.index())) : List.of();
        }
        if (op == null || op instanceof SqlOp.Execute) {
            return ofSql(statement.sql());
        }
        // every other operation renders statements that commit whole or not at all
        return List.of();
    }

    /** What the statements of {@code sql}, separated by semicolons, may leave behind when cut. */
    static List<Leftover> ofSql(String sql) {
        List<Leftover> found = new ArrayList<>();
        List<SqlToken> statement = new ArrayList<>();
        for (SqlToken token : SqlLexer.tokens(sql)) {
            if (token.is(";")) {
                add(found, statement);
                statement.clear();
            } else {
                statement.add(token);
            }
        }
        add(found, statement);
        return List.copyOf(found);
    }

    private static void add(List<Leftover> found, List<SqlToken> statement) {
        Leftover leftover = new Reader(statement).leftover();
        if (leftover != null) {
            found.add(leftover);
        }
    }

    /** One statement's tokens, read from the front. */
    private static final class Reader {
        private final TokenCursor at;

        Reader(List<SqlToken> tokens) {
            this.at = new TokenCursor(tokens);
        }

        @Nullable
        Leftover leftover() {
            if (word("create")) {
                return createIndex();
            }
            if (word("reindex")) {
                return reindex();
            }
            if (word("drop") && word("index") && word("concurrently")) {
                ifExists();
                QualifiedName index = qualifiedName();
                return index == null ? null : new Leftover.IndexNotDropped(index);
            }
            if (word("call") || word("do")) {
                return new Leftover.PartlyCommitted();
            }
            return null;
        }

        /** {@code CREATE [UNIQUE] INDEX CONCURRENTLY [[IF NOT EXISTS] name] ON [ONLY] table ...} */
        private @Nullable Leftover createIndex() {
            word("unique");
            if (!word("index") || !word("concurrently")) {
                return null;
            }
            if (word("if")) {
                word("not");
                word("exists");
            }
            String name = null;
            // ON is reserved: an index named so is quoted, and unquoted it starts the table
            SqlToken next = at.peek();
            if (next != null && next.isIdentifier() && !next.isWord("on")) {
                name = next.name();
                at.skip();
            }
            if (!word("on")) {
                return null;
            }
            word("only");
            QualifiedName table = qualifiedName();
            return table == null ? null : new Leftover.InvalidIndex(table, name);
        }

        /**
         * {@code REINDEX [(options)] {INDEX | TABLE | SCHEMA | DATABASE} [CONCURRENTLY] [name]}, where
         * the options may say {@code CONCURRENTLY [boolean]} (PostgreSQL 14 and later).
         */
        private @Nullable Leftover reindex() {
            boolean concurrently = false;
            if (isNext("(")) {
                at.skip();
                while (at.peek() != null && !isNext(")")) {
                    if (word("concurrently")) {
                        concurrently = !(word("false") || word("off") || isNumber("0"));
                    } else {
                        at.skip();
                    }
                }
                at.skip();
            }
            Leftover.ReindexScope scope;
            if (word("index")) {
                scope = Leftover.ReindexScope.INDEX;
            } else if (word("table")) {
                scope = Leftover.ReindexScope.TABLE;
            } else if (word("schema")) {
                scope = Leftover.ReindexScope.SCHEMA;
            } else if (word("database")) {
                scope = Leftover.ReindexScope.DATABASE;
            } else {
                return null; // SYSTEM never runs concurrently
            }
            concurrently |= word("concurrently");
            if (!concurrently) {
                return null;
            }
            if (scope == Leftover.ReindexScope.DATABASE) {
                return new Leftover.ReindexCopies(scope, null);
            }
            QualifiedName target = qualifiedName();
            if (target == null) {
                return null;
            }
            if (scope == Leftover.ReindexScope.SCHEMA) {
                return new Leftover.ReindexCopies(scope, new QualifiedName(null, target.name()));
            }
            return new Leftover.ReindexCopies(scope, target);
        }

        private void ifExists() {
            if (word("if")) {
                word("exists");
            }
        }

        /** {@code name}, {@code schema.name} or {@code database.schema.name}, as PostgreSQL stores the names. */
        private @Nullable QualifiedName qualifiedName() {
            List<String> parts = at.dottedName();
            if (parts.isEmpty()) {
                return null;
            }
            int n = parts.size();
            return new QualifiedName(n > 1 ? parts.get(n - 2) : null, parts.get(n - 1));
        }

        private boolean word(String word) {
            return at.words(word);
        }

        private boolean isNext(String symbol) {
            SqlToken next = at.peek();
            return next != null && next.is(symbol);
        }

        private boolean isNumber(String text) {
            SqlToken next = at.peek();
            if (next != null
                    && next.kind() == SqlToken.Kind.NUMBER
                    && next.text().equals(text)) {
                at.skip();
                return true;
            }
            return false;
        }
    }
}
