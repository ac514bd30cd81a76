package dev.migrate.tooling;

import dev.migrate.internal.sql.PostgresDialect;
import dev.migrate.op.Op;
import java.util.List;

/**
 * Operations as the PostgreSQL statements a run executes and offline SQL prints (without trailing semicolons):
 * for migrate's modules that show, compare or replay what a migration does without running it.
 *
 * <pre>{@code
 * List<String> sql = OpSql.render(new TableOp.DropTable(QualifiedName.parse("agents"), null));
 * }</pre>
 */
public final class OpSql {
    private static final PostgresDialect DIALECT = new PostgresDialect();

    private OpSql() {}

    /** The statements of {@code op}, in order. */
    public static List<String> render(Op op) {
        return DIALECT.render(op);
    }

    /** The statements of {@code ops}, one after another. */
    public static List<String> renderAll(List<? extends Op> ops) {
        return DIALECT.renderAll(ops);
    }
}
