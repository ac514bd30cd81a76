package dev.migrate;

import dev.migrate.op.Column;
import dev.migrate.op.Constraint;
import dev.migrate.op.Identity;
import dev.migrate.op.IndexKey;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.ReferentialAction;
import dev.migrate.op.SequenceChanges;
import dev.migrate.op.SequenceOptions;
import java.util.Arrays;
import java.util.List;

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
    public static final ReferentialAction NO_ACTION = ReferentialAction.NO_ACTION;
    public static final ReferentialAction RESTRICT = ReferentialAction.RESTRICT;
    public static final ReferentialAction CASCADE = ReferentialAction.CASCADE;
    public static final ReferentialAction SET_NULL = ReferentialAction.SET_NULL;
    public static final ReferentialAction SET_DEFAULT = ReferentialAction.SET_DEFAULT;

    private Ddl() {}

    /** A nullable column of a PostgreSQL type; refine it with {@code notNull()}, {@code defaultValue(...)}, ... */
    public static Column column(String name, String type) {
        return Column.of(name, type);
    }

    public static Constraint.PrimaryKey primaryKey(String name, String... columns) {
        return new Constraint.PrimaryKey(name, List.of(columns));
    }

    public static Constraint.Unique unique(String name, String... columns) {
        return new Constraint.Unique(name, List.of(columns), false, false, false);
    }

    public static Constraint.Check check(String name, String expression) {
        return new Constraint.Check(name, expression, false);
    }

    /**
     * A check PostgreSQL names itself: {@code <table>_<column>_check} when the expression reads one
     * column, {@code <table>_check} otherwise.
     */
    public static Constraint.Check check(String expression) {
        return new Constraint.Check(null, expression, false);
    }

    /** Starts a foreign key; finish it with {@link ForeignKeyStart#references}. */
    public static ForeignKeyStart foreignKey(String name, String... columns) {
        return new ForeignKeyStart(name, List.of(columns));
    }

    /**
     * An index on columns, each a name that is quoted as needed; refine it with {@code unique()},
     * {@code where(...)}, {@code concurrently()}, ...: {@code index("ix_tasks_due", "tasks", "due_at")}.
     */
    public static Op.CreateIndex index(String name, String table, String... columns) {
        return Op.CreateIndex.on(name, QualifiedName.parse(table), Arrays.asList(columns));
    }

    /**
     * An index on keys: columns with an order ({@link #desc}, {@link #key}) or expressions ({@link #expr}):
     * {@code index("ix_users_email", "users", expr("lower(email)"))}.
     */
    public static Op.CreateIndex index(String name, String table, IndexKey... keys) {
        return Op.CreateIndex.onKeys(name, QualifiedName.parse(table), Arrays.asList(keys));
    }

    /** A column key, ascending: {@code key("created_at").nullsFirst()}. */
    public static IndexKey.Column key(String column) {
        return IndexKey.Column.of(column);
    }

    /** A column key, descending: {@code desc("created_at")}. */
    public static IndexKey.Column desc(String column) {
        return IndexKey.Column.of(column).desc();
    }

    /**
     * An expression key, written into the statement as given: {@code expr("lower(email)")}. Only
     * here, never through a column argument, does an index take SQL.
     */
    public static IndexKey.Expression expr(String sql) {
        return new IndexKey.Expression(sql);
    }

    public static Identity identityAlways() {
        return Identity.always();
    }

    public static Identity identityByDefault() {
        return Identity.byDefault();
    }

    /** Sequence options an ALTER changes: {@code sequenceChanges().incrementBy(50)}. */
    public static SequenceChanges sequenceChanges() {
        return SequenceChanges.NONE;
    }

    public static SequenceOptions sequenceOptions() {
        return SequenceOptions.DEFAULTS;
    }

    /** The first half of a foreign key: its name and columns. */
    public record ForeignKeyStart(String name, List<String> columns) {
        public Constraint.ForeignKey references(String table, String... referencedColumns) {
            return new Constraint.ForeignKey(name, columns, QualifiedName.parse(table), List.of(referencedColumns),
                    ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION, false, false, false);
        }
    }
}
