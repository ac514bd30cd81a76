package dev.migrate;

import dev.migrate.op.Column;
import dev.migrate.op.Constraint;
import dev.migrate.op.Identity;
import dev.migrate.op.IndexKey;
import dev.migrate.op.IndexOp;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.ReferentialAction;
import dev.migrate.op.SequenceChanges;
import dev.migrate.op.SequenceOptions;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Factories for the values migrations pass to {@link Operations}; meant for {@code import static dev.migrate.Ddl.*}.
 *
 * <pre>{@code
 * op.createTable("agents",
 *     column("id", "bigint").identity().primaryKey(),
 *     column("name", "varchar(100)").notNull(),
 *     unique("uq_agents_name", "name"));
 * op.addForeignKey("tasks", foreignKey("fk_tasks_agent", "agent_id").references("agents", "id").onDelete(CASCADE));
 * op.createIndex(index("ix_tasks_open", "tasks", "created_at").where("status = 'open'"));
 * }</pre>
 */
public final class Ddl {
    /**
     * {@code NO ACTION}, PostgreSQL's default: refuse at the end of the statement:
     * {@code foreignKey("fk_tasks_agent", "agent_id").references("agents", "id").onDelete(NO_ACTION)}.
     */
    public static final ReferentialAction NO_ACTION = ReferentialAction.NO_ACTION;
    /**
     * {@code RESTRICT}: refuse at once, even in a deferred constraint:
     * {@code foreignKey("fk_tasks_agent", "agent_id").references("agents", "id").onDelete(RESTRICT)}.
     */
    public static final ReferentialAction RESTRICT = ReferentialAction.RESTRICT;
    /**
     * {@code CASCADE}: delete or update the referencing rows too:
     * {@code foreignKey("fk_tasks_agent", "agent_id").references("agents", "id").onDelete(CASCADE)}.
     */
    public static final ReferentialAction CASCADE = ReferentialAction.CASCADE;
    /**
     * {@code SET NULL}: null the referencing columns:
     * {@code foreignKey("fk_tasks_agent", "agent_id").references("agents", "id").onDelete(SET_NULL)}.
     */
    public static final ReferentialAction SET_NULL = ReferentialAction.SET_NULL;
    /**
     * {@code SET DEFAULT}: set the referencing columns to their defaults:
     * {@code foreignKey("fk_tasks_agent", "agent_id").references("agents", "id").onUpdate(SET_DEFAULT)}.
     */
    public static final ReferentialAction SET_DEFAULT = ReferentialAction.SET_DEFAULT;

    private Ddl() {}

    /**
     * A nullable column of a PostgreSQL type; refine it with {@code notNull()}, {@code defaultValue(...)}, ...:
     * {@code column("status", "varchar(50)").notNull().defaultValue("'active'")}.
     *
     * @param name the column name, quoted as needed
     * @param type a PostgreSQL type ({@code "varchar(50)"}, {@code "timestamptz"}, {@code "jsonb"}), SQL written as given
     * @return the column
     */
    public static Column column(String name, String type) {
        return Column.of(name, type);
    }

    /**
     * A primary key constraint, for {@link Operations#createTable} or {@link Operations#addConstraint}:
     * {@code primaryKey("pk_agents", "id")}.
     *
     * @param name the constraint name
     * @param columns its column names, in order
     * @return the constraint
     */
    public static Constraint.PrimaryKey primaryKey(@Nullable String name, String... columns) {
        return new Constraint.PrimaryKey(name, List.of(columns));
    }

    /**
     * A unique constraint; refine it with {@code nullsNotDistinct()} or {@code deferrable(...)}:
     * {@code unique("uq_agents_email", "email")}.
     *
     * @param name the constraint name
     * @param columns its column names, in order
     * @return the constraint
     */
    public static Constraint.Unique unique(@Nullable String name, String... columns) {
        return new Constraint.Unique(name, List.of(columns), false, false, false);
    }

    /**
     * A check constraint; {@code notValid()} adds it without scanning the table:
     * {@code check("ck_orders_amount", "amount > 0")}.
     *
     * @param name the constraint name
     * @param expression the condition, SQL written as given
     * @return the constraint
     */
    public static Constraint.Check check(@Nullable String name, String expression) {
        return new Constraint.Check(name, expression, false);
    }

    /**
     * A check that PostgreSQL names itself ({@code orders_price_check} for a check on
     * {@code orders.price}): {@code check("price > 0")}.
     *
     * @param expression the SQL boolean expression, as written after {@code CHECK}
     * @return the constraint, for {@code createTable}
     */
    public static Constraint.Check check(String expression) {
        return new Constraint.Check(null, expression, false);
    }

    /**
     * Starts a foreign key; finish it with {@link ForeignKeyStart#references}:
     * {@code foreignKey("fk_tasks_agent", "agent_id").references("agents", "id").onDelete(CASCADE)}.
     *
     * @param name the constraint name
     * @param columns the referencing column names, in order
     * @return the first half of the foreign key
     */
    public static ForeignKeyStart foreignKey(@Nullable String name, String... columns) {
        return new ForeignKeyStart(name, List.of(columns));
    }

    /**
     * An index on columns, each a name that is quoted as needed; refine it with {@code unique()},
     * {@code where(...)}, {@code concurrently()}, storage parameters with {@code with("fillfactor", 70)}, ...:
     * {@code index("ix_tasks_due", "tasks", "due_at").unique()}.
     *
     * @param name the index name
     * @param table the table name, optionally schema-qualified; the index goes in its schema
     * @param columns one or more column names
     * @return the index, for {@link Operations#createIndex(IndexOp.CreateIndex)}
     */
    public static IndexOp.CreateIndex index(String name, String table, String... columns) {
        return IndexOp.CreateIndex.on(name, QualifiedName.parse(table), Arrays.asList(columns));
    }

    /**
     * An index on keys: columns with an order ({@link #desc}, {@link #key}) or expressions ({@link #expr}):
     * {@code index("ix_users_email", "users", expr("lower(email)"))}.
     *
     * @param name the index name
     * @param table the table name, optionally schema-qualified; the index goes in its schema
     * @param keys one or more keys
     * @return the index, for {@link Operations#createIndex(IndexOp.CreateIndex)}
     */
    public static IndexOp.CreateIndex index(String name, String table, IndexKey... keys) {
        return IndexOp.CreateIndex.onKeys(name, QualifiedName.parse(table), Arrays.asList(keys));
    }

    /**
     * A column key, ascending: {@code key("created_at").nullsFirst()}.
     *
     * @param column the column name, quoted as needed
     * @return the key
     */
    public static IndexKey.Column key(String column) {
        return IndexKey.Column.of(column);
    }

    /**
     * A column key, descending: {@code desc("created_at")}.
     *
     * @param column the column name, quoted as needed
     * @return the key
     */
    public static IndexKey.Column desc(String column) {
        return IndexKey.Column.of(column).desc();
    }

    /**
     * An expression key, written into the statement as given: {@code expr("lower(email)")}. Only
     * here, never through a column argument, does an index take SQL.
     *
     * @param sql the expression
     * @return the key
     */
    public static IndexKey.Expression expr(String sql) {
        return new IndexKey.Expression(sql);
    }

    /**
     * {@code GENERATED ALWAYS AS IDENTITY}: {@code column("id", "bigint").identity(identityAlways())}.
     *
     * @return the identity, with the sequence's defaults
     */
    public static Identity identityAlways() {
        return Identity.always();
    }

    /**
     * {@code GENERATED BY DEFAULT AS IDENTITY}: {@code column("id", "bigint").identity(identityByDefault())}.
     *
     * @return the identity, with the sequence's defaults
     */
    public static Identity identityByDefault() {
        return Identity.byDefault();
    }

    /**
     * Sequence options an ALTER changes, none at first: {@code sequenceChanges().incrementBy(50)}.
     *
     * @return no change yet
     */
    public static SequenceChanges sequenceChanges() {
        return SequenceChanges.NONE;
    }

    /**
     * Options of a new sequence, PostgreSQL's defaults at first: {@code sequenceOptions().startWith(1000)}.
     *
     * @return the defaults
     */
    public static SequenceOptions sequenceOptions() {
        return SequenceOptions.DEFAULTS;
    }

    /**
     * The first half of a foreign key, from {@link Ddl#foreignKey}:
     * {@code foreignKey("fk_tasks_agent", "agent_id").references("agents", "id")}.
     *
     * @param name the constraint name
     * @param columns the referencing column names
     */
    public record ForeignKeyStart(@Nullable String name, List<String> columns) {
        /**
         * Completes the foreign key with the referenced table and columns; refine it with
         * {@code onDelete(...)}, {@code deferrable(...)} or {@code notValid()}:
         * {@code foreignKey("fk_tasks_agent", "agent_id").references("agents", "id").notValid()}.
         *
         * @param table the referenced table, optionally schema-qualified
         * @param referencedColumns the referenced column names, matching the referencing ones in order
         * @return the foreign key
         */
        public Constraint.ForeignKey references(String table, String... referencedColumns) {
            return new Constraint.ForeignKey(
                    name,
                    columns,
                    QualifiedName.parse(table),
                    List.of(referencedColumns),
                    ReferentialAction.NO_ACTION,
                    ReferentialAction.NO_ACTION,
                    false,
                    false,
                    false);
        }
    }
}
