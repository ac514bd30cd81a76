package dev.migrate.op;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A change that would lock a busy table or break the application running on it, made online: in an
 * expand phase (at {@code upgrade}) that keeps the table's old shape working for the running
 * application while a schema of views, {@code <schema>_<revision>}, gives the new application the new
 * shape, and a contract phase ({@code complete}) that leaves only the new shape. Written in a migration
 * with {@link dev.migrate.Operations#online}:
 *
 * <pre>{@code
 * op.online(OnlineChange.alterColumn("orders", "amount").type("numeric(12,2)"));
 * op.online(OnlineChange.renameColumn("customers", "name", "full_name"));
 * op.online(OnlineChange.alterColumn("orders", "customer_id").notNull().up("coalesce(customer_id, 0)"));
 * }</pre>
 *
 * <p>{@link OnlineOp.Online} holds one change and gives its three halves as ordinary operations.
 */
public sealed interface OnlineChange {
    /** The table the change is made to, by the name it has before the change. */
    QualifiedName table();

    /**
     * A column replaced by a new one beside it: another type, {@code NOT NULL}, a unique, check or
     * foreign key constraint, any of them together. The old application writes the old column, the new
     * one the new column; triggers keep each in step with the other, and existing rows are backfilled in
     * batches: {@code OnlineChange.alterColumn("orders", "amount").type("bigint")}.
     */
    static AlterColumn alterColumn(String table, String column) {
        return new AlterColumn(QualifiedName.parse(table), column, null, false, null, null, null, null, null);
    }

    /**
     * A column renamed: the new application sees it under its new name through the view schema until
     * {@code complete} renames it in the table: {@code OnlineChange.renameColumn("customers", "name", "full_name")}.
     */
    static RenameColumn renameColumn(String table, String column, String newName) {
        return new RenameColumn(QualifiedName.parse(table), column, newName);
    }

    /**
     * A table renamed: the new application sees it under its new name through the view schema until
     * {@code complete} renames it: {@code OnlineChange.renameTable("items", "products")}.
     */
    static RenameTable renameTable(String table, String newName) {
        return new RenameTable(QualifiedName.parse(table), newName);
    }

    /**
     * A column dropped: the new application no longer sees it, {@code complete} drops it. Give
     * {@link DropColumn#down} when the old application needs a value in rows the new one inserts
     * (a {@code NOT NULL} column without a default): {@code OnlineChange.dropColumn("customers", "fax")}.
     */
    static DropColumn dropColumn(String table, String column) {
        return new DropColumn(QualifiedName.parse(table), column, null);
    }

    /**
     * {@code table.column} replaced by the column {@link #newColumn()} during the expand phase.
     *
     * @param type the new type ({@code bigint}, {@code numeric(12,2)}), or {@code null} to keep the type
     * @param isNotNull whether the new column is {@code NOT NULL}
     * @param check a check constraint over the column, named, written with the column's own name
     * @param unique the name of a unique constraint on the column, or {@code null}
     * @param references a foreign key from the column, named, written with the column's own name
     * @param up the new column's value from a row the old application writes, an expression over the
     *     table's columns ({@code amount * 100}); {@code null}: the old value, cast to the new type
     * @param down the old column's value from a row the new application writes, an expression in which the
     *     column's name means its new value ({@code amount / 100}); {@code null}: the new value, cast back
     */
    record AlterColumn(
            QualifiedName table,
            String column,
            @Nullable String type,
            boolean isNotNull,
            Constraint.@Nullable Check check,
            @Nullable String unique,
            Constraint.@Nullable ForeignKey references,
            @Nullable String up,
            @Nullable String down)
            implements OnlineChange {
        public AlterColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            if (check != null && check.name() == null) {
                throw new IllegalArgumentException("The online check on " + table + "." + column
                        + " needs a name: .check(\"" + table.name() + "_" + column + "_check\", \"...\").");
            }
            if (references != null
                    && (references.name() == null || references.columns().size() != 1)) {
                throw new IllegalArgumentException("The online foreign key on " + table + "." + column
                        + " needs a name and the one column " + column + ".");
            }
        }

        /** The column's new type: {@code .type("bigint")}. */
        public AlterColumn type(String newType) {
            return new AlterColumn(table, column, newType, isNotNull, check, unique, references, up, down);
        }

        /** {@code NOT NULL} on the new column; give {@link #up} when existing rows hold nulls. */
        public AlterColumn notNull() {
            return new AlterColumn(table, column, type, true, check, unique, references, up, down);
        }

        /** A check constraint: {@code .check("orders_amount_positive", "amount > 0")}. */
        public AlterColumn check(String name, String expression) {
            return new AlterColumn(
                    table,
                    column,
                    type,
                    isNotNull,
                    new Constraint.Check(name, expression, false),
                    unique,
                    references,
                    up,
                    down);
        }

        /** A unique constraint on the column alone: {@code .unique("users_email_key")}. */
        public AlterColumn unique(String name) {
            return new AlterColumn(table, column, type, isNotNull, check, name, references, up, down);
        }

        /** A foreign key from the column: {@code .references(Ddl.foreignKey("orders_customer_fk", "customer_id").references("customers", "id"))}. */
        public AlterColumn references(Constraint.ForeignKey foreignKey) {
            return new AlterColumn(table, column, type, isNotNull, check, unique, foreignKey, up, down);
        }

        /** How a row the old application writes gives the new column: {@code .up("coalesce(amount, 0)")}. */
        public AlterColumn up(String expression) {
            return new AlterColumn(table, column, type, isNotNull, check, unique, references, expression, down);
        }

        /** How a row the new application writes gives the old column: {@code .down("amount::integer")}. */
        public AlterColumn down(String expression) {
            return new AlterColumn(table, column, type, isNotNull, check, unique, references, up, expression);
        }

        /** The column that stands beside {@code column} during the expand phase: {@code _migrate_new_amount}. */
        public String newColumn() {
            return OnlineNames.newColumn(column);
        }
    }

    /** {@code table.column} renamed to {@code newName} at {@code complete}; the view shows the new name before. */
    record RenameColumn(QualifiedName table, String column, String newName) implements OnlineChange {
        public RenameColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(newName, "new name");
        }
    }

    /** {@code table} renamed to {@code newName} at {@code complete}; the view has the new name before. */
    record RenameTable(QualifiedName table, String newName) implements OnlineChange {
        public RenameTable {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(newName, "new name");
        }
    }

    /**
     * {@code table.column} hidden from the new application, dropped at {@code complete}.
     *
     * @param down the value the column takes in rows the new application writes, an expression over the
     *     other columns, or {@code null} for the column's default
     */
    record DropColumn(
            QualifiedName table, String column, @Nullable String down) implements OnlineChange {
        public DropColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        /** The column's value in rows the new application writes: {@code .down("''")}. */
        public DropColumn down(String expression) {
            return new DropColumn(table, column, expression);
        }
    }

    /** The columns of {@code table} this change touches, by their names before it; none for a table rename. */
    default List<String> columns() {
        if (this instanceof AlterColumn a) {
            return List.of(a.column());
        }
        if (this instanceof RenameColumn r) {
            return List.of(r.column());
        }
        if (this instanceof DropColumn d) {
            return List.of(d.column());
        }
        return List.of();
    }
}
