package dev.migrate.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.op.ColumnOp;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.EnumOp;
import dev.migrate.op.IndexOp;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SchemaOp;
import dev.migrate.op.TableOp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What can lose data: drops of tables, columns, indexes, constraints, schemas and types, type changes, deletes and
 * truncates; raw SQL read conservatively, its comments and strings aside. What adds loses nothing.
 */
class LossClassifierTest {
    private static final QualifiedName ORDERS = QualifiedName.of("public", "orders");

    @Test
    void dropsAndRewritesLoseAndAdditionsDoNot() {
        assertThat(LossClassifier.of(new TableOp.DropTable(ORDERS, null)))
                .hasValueSatisfying(l -> assertThat(l.what()).isEqualTo("drops table public.orders"));
        assertThat(LossClassifier.of(new ColumnOp.DropColumn(ORDERS, "note", null)))
                .hasValueSatisfying(l -> assertThat(l.lock()).isEqualTo("ACCESS EXCLUSIVE on public.orders"));
        assertThat(LossClassifier.of(new ColumnOp.AlterColumnType(ORDERS, "total", "integer", null, "numeric")))
                .isPresent();
        assertThat(LossClassifier.of(new ConstraintOp.DropConstraint(ORDERS, "orders_pk", null)))
                .isPresent();
        assertThat(LossClassifier.of(new SchemaOp.DropSchema("billing", true))).isPresent();
        assertThat(LossClassifier.of(new EnumOp.DropEnum(QualifiedName.of("public", "mood"), null)))
                .isPresent();
        assertThat(LossClassifier.of(new IndexOp.DropIndex(QualifiedName.of("public", "orders_idx"), true, null)))
                .hasValueSatisfying(l -> assertThat(l.lock()).startsWith("SHARE UPDATE EXCLUSIVE"));
        assertThat(LossClassifier.of(new ColumnOp.AddColumn(ORDERS, dev.migrate.Ddl.column("note", "text"))))
                .isEmpty();
        assertThat(LossClassifier.of(new SchemaOp.CreateSchema("billing", true)))
                .isEmpty();
    }

    @Test
    void rawSqlIsReadConservatively() {
        for (String sql : List.of(
                "DROP TABLE orders",
                "drop view totals",
                "TRUNCATE orders",
                "DELETE FROM orders",
                "delete from orders where id = 1",
                "ALTER TABLE orders DROP COLUMN note",
                "ALTER TABLE orders ALTER COLUMN total TYPE integer",
                "WITH gone AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM gone",
                "ALTER TABLE orders ALTER COLUMN note DROP DEFAULT, DROP COLUMN total",
                "ALTER TABLE orders ALTER COLUMN id DROP IDENTITY")) {
            assertThat(LossClassifier.ofSql(sql)).as(sql).isPresent();
        }
        assertThat(LossClassifier.ofSql("TRUNCATE TABLE public.\"Orders\""))
                .hasValueSatisfying(l -> assertThat(l.table()).isEqualTo(QualifiedName.of("public", "Orders")));
        for (String sql : List.of(
                "CREATE TABLE orders (id bigint)",
                "UPDATE orders SET note = 'drop table later'",
                "INSERT INTO log VALUES ('truncate') -- DROP nothing",
                "COMMENT ON TABLE orders IS 'do not delete'",
                // what a column may hold widens: no row, value or history is lost
                "ALTER TABLE public.jhi_user ALTER COLUMN created_date DROP DEFAULT",
                "alter table orders alter column note drop  not null")) {
            assertThat(LossClassifier.ofSql(sql)).as(sql).isEmpty();
        }
    }
}
