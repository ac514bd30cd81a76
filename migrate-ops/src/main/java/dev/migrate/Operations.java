package dev.migrate;

import dev.migrate.op.CitusOp;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.DataOp;
import dev.migrate.op.Deferrability;
import dev.migrate.op.EnumOp;
import dev.migrate.op.Identity;
import dev.migrate.op.IndexOp;
import dev.migrate.op.ObjectDefinition;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.OnlineChange;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
import dev.migrate.op.Precondition;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.Rows;
import dev.migrate.op.SchemaOp;
import dev.migrate.op.SequenceChanges;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SequenceOptions;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableElement;
import dev.migrate.op.TableOp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The schema changes a migration can make. Each call records one {@link Op}; the run renders them
 * to PostgreSQL SQL and executes them in order, or prints them in offline mode:
 * {@code op.addColumn("agents", column("status", "varchar(20)").notNull().defaultValue("'active'"))}.
 *
 * <p>Table, type, sequence and index names may be schema-qualified ({@code "app.agents"}).
 * Names are quoted exactly when PostgreSQL needs it; values are written as safe literals. Column
 * types, defaults, check and WHERE expressions are SQL written by the migration's author.
 * Build columns and constraints with the factories in {@link Ddl}.
 */
public interface Operations {

    /**
     * Records any operation; every other method is a shorthand for one call of this:
     * {@code op.run(new ConstraintOp.ValidateConstraint(QualifiedName.parse("orders"), "fk_orders_customer"))}.
     *
     * @param op the operation, run in order with the others
     */
    void run(Op op);

    /**
     * Runs data-migration code on the live connection, in order with the other operations:
     * {@code op.jdbc(connection -> connection.createStatement().execute("UPDATE agents SET status = 'active'"))}.
     * Offline SQL generation fails with a clear error when a migration uses this.
     *
     * @param work the code, given the migration's connection inside its transaction
     */
    void jdbc(JdbcWork work);

    /**
     * Whether the operations are being rendered to a SQL script rather than run, so a migration can
     * skip work that needs the data: {@code if (!op.isOffline()) { op.jdbc(this::backfill); }}.
     *
     * @return true while offline SQL is written
     */
    boolean isOffline();

    // ---- tables ----

    /**
     * Creates a table from columns and constraints built with {@link Ddl}:
     * {@code op.createTable("agents", column("id", "bigint").identity().primaryKey(), column("name", "text").notNull())}.
     *
     * @param table the table name, optionally schema-qualified ({@code "app.agents"})
     * @param elements its columns and table constraints, in order
     */
    default void createTable(String table, TableElement... elements) {
        run(new TableOp.CreateTable(QualifiedName.parse(table), List.of(elements), null));
    }

    /**
     * Creates an {@code UNLOGGED} table, whose rows skip the write-ahead log (a crash empties it,
     * standbys do not have them): {@code op.createUnloggedTable("sessions", column("id", "text").primaryKey())}.
     *
     * @param table the table name, optionally schema-qualified
     * @param elements its columns and table constraints, in order
     */
    default void createUnloggedTable(String table, TableElement... elements) {
        run(new TableOp.CreateTable(QualifiedName.parse(table), List.of(elements), null, null, true));
    }

    /**
     * Makes a table {@code UNLOGGED} ({@code op.setUnlogged("sessions")}); the table is rewritten.
     *
     * @param table the table name, optionally schema-qualified
     */
    default void setUnlogged(String table) {
        run(new TableOp.SetLogged(QualifiedName.parse(table), true));
    }

    /**
     * Makes an {@code UNLOGGED} table logged again ({@code op.setLogged("sessions")}); the table is
     * rewritten and its rows written to the write-ahead log.
     *
     * @param table the table name, optionally schema-qualified
     */
    default void setLogged(String table) {
        run(new TableOp.SetLogged(QualifiedName.parse(table), false));
    }

    /**
     * Drops a table: {@code op.dropTable("agents")}.
     *
     * @param table the table name, optionally schema-qualified
     */
    default void dropTable(String table) {
        run(new TableOp.DropTable(QualifiedName.parse(table), null));
    }

    /**
     * Renames a table within its schema: {@code op.renameTable("agents", "operators")}.
     *
     * @param table the current name, optionally schema-qualified
     * @param newName the new name, without a schema
     */
    default void renameTable(String table, String newName) {
        run(new TableOp.RenameTable(QualifiedName.parse(table), newName));
    }

    /**
     * Sets the table comment: {@code op.commentOnTable("agents", "People who handle tasks")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param comment the comment, written as a literal; {@code null} removes it
     */
    default void commentOnTable(String table, @Nullable String comment) {
        run(new TableOp.CommentOnTable(QualifiedName.parse(table), comment, null));
    }

    // ---- partitioned tables ----

    /**
     * Creates a partitioned table, which holds no rows itself: each goes to the partition its key falls in.
     * A primary key or unique constraint must include every partition column:
     * {@code op.createPartitionedTable("events", "RANGE (created_at)", column("id", "bigint").notNull(), column("created_at", "timestamptz").notNull(), primaryKey("events_pkey", "id", "created_at"))}.
     *
     * @param table the table name, optionally schema-qualified
     * @param partitionBy the key: {@code RANGE (column, ...)}, {@code LIST (column)} or {@code HASH (column, ...)}
     * @param elements its columns and table constraints, in order
     */
    default void createPartitionedTable(String table, String partitionBy, TableElement... elements) {
        run(new TableOp.CreateTable(QualifiedName.parse(table), List.of(elements), null, partitionBy));
    }

    /**
     * Creates an empty partition of a partitioned table; its columns, keys and indexes come from the parent:
     * {@code op.createPartition("events_2026_01", "events", "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')")}.
     * For a partition partitioned in turn, see {@link #createPartition(String, String, String, String)}.
     *
     * @param partition the partition's name, optionally schema-qualified
     * @param parent the partitioned table
     * @param bound {@code FOR VALUES FROM (...) TO (...)}, {@code FOR VALUES IN (...)},
     *     {@code FOR VALUES WITH (MODULUS m, REMAINDER r)} or {@code DEFAULT}
     */
    default void createPartition(String partition, String parent, String bound) {
        run(new TableOp.CreatePartition(QualifiedName.parse(partition), QualifiedName.parse(parent), bound, null));
    }

    /**
     * Creates an empty partition that is partitioned in turn (multi-level partitioning):
     * {@code op.createPartition("events_2026_01", "events", "FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')", "LIST (region)")}.
     *
     * @param partition the partition's name, optionally schema-qualified
     * @param parent the partitioned table
     * @param bound as for {@link #createPartition(String, String, String)}
     * @param partitionBy the partition's own key: {@code RANGE (...)}, {@code LIST (...)} or {@code HASH (...)}
     */
    default void createPartition(String partition, String parent, String bound, String partitionBy) {
        run(new TableOp.CreatePartition(
                QualifiedName.parse(partition), QualifiedName.parse(parent), bound, partitionBy));
    }

    /**
     * Drops a partition and all its rows: {@code op.dropPartition("events_2025_01")}.
     *
     * @param partition the partition's name, optionally schema-qualified
     */
    default void dropPartition(String partition) {
        run(new TableOp.DropPartition(QualifiedName.parse(partition), null));
    }

    /**
     * Makes an existing table, with its rows, a partition of a partitioned table; PostgreSQL checks
     * every row against the bound:
     * {@code op.attachPartition("events", "events_2026_02", "FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')")}.
     *
     * @param parent the partitioned table, optionally schema-qualified
     * @param partition the table to attach, with the parent's columns
     * @param bound as for {@link #createPartition(String, String, String)}
     */
    default void attachPartition(String parent, String partition, String bound) {
        run(new TableOp.AttachPartition(QualifiedName.parse(parent), QualifiedName.parse(partition), bound));
    }

    /**
     * Detaches a partition, which stays as a table of its own with its rows:
     * {@code op.detachPartition("events", "events_2025_01")}.
     *
     * @param parent the partitioned table, optionally schema-qualified
     * @param partition the partition, optionally schema-qualified
     */
    default void detachPartition(String parent, String partition) {
        run(new TableOp.DetachPartition(QualifiedName.parse(parent), QualifiedName.parse(partition), false, null));
    }

    /**
     * Detaches a partition without blocking queries on the parent (PostgreSQL 14 and later):
     * {@code op.detachPartitionConcurrently("events", "events_2025_01")}. The migration must run outside a
     * transaction ({@code transactional = false} on its {@code @Revision}), and the parent must have no
     * default partition.
     *
     * @param parent the partitioned table, optionally schema-qualified
     * @param partition the partition, optionally schema-qualified
     */
    default void detachPartitionConcurrently(String parent, String partition) {
        run(new TableOp.DetachPartition(QualifiedName.parse(parent), QualifiedName.parse(partition), true, null));
    }

    // ---- columns ----

    /**
     * Adds a column: {@code op.addColumn("agents", column("status", "varchar(50)").notNull().defaultValue("'active'"))}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the column, built with {@link Ddl#column}
     */
    default void addColumn(String table, Column column) {
        run(new ColumnOp.AddColumn(QualifiedName.parse(table), column));
    }

    /**
     * Drops a column: {@code op.dropColumn("agents", "status")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the column name
     */
    default void dropColumn(String table, String column) {
        run(new ColumnOp.DropColumn(QualifiedName.parse(table), column, null));
    }

    /**
     * Renames a column: {@code op.renameColumn("agents", "name", "full_name")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the current column name
     * @param newName the new column name
     */
    default void renameColumn(String table, String column, String newName) {
        run(new ColumnOp.RenameColumn(QualifiedName.parse(table), column, newName));
    }

    /**
     * Changes a column's type where PostgreSQL converts the values itself:
     * {@code op.alterColumnType("agents", "name", "varchar(200)")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the column name
     * @param type the new PostgreSQL type
     */
    default void alterColumnType(String table, String column, String type) {
        alterColumnType(table, column, type, null);
    }

    /**
     * Changes a column's type, converting existing values with a SQL expression:
     * {@code op.alterColumnType("orders", "amount", "numeric(10,2)", "amount::numeric(10,2)")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the column name
     * @param type the new PostgreSQL type
     * @param using the conversion, SQL written as given; {@code null} for none
     */
    default void alterColumnType(String table, String column, String type, @Nullable String using) {
        run(new ColumnOp.AlterColumnType(QualifiedName.parse(table), column, type, using, null));
    }

    /**
     * Makes a column {@code NOT NULL}: {@code op.setNotNull("agents", "name")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the column name
     */
    default void setNotNull(String table, String column) {
        run(new ColumnOp.AlterColumnNullable(QualifiedName.parse(table), column, false));
    }

    /**
     * Lets a column hold nulls again: {@code op.dropNotNull("agents", "name")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the column name
     */
    default void dropNotNull(String table, String column) {
        run(new ColumnOp.AlterColumnNullable(QualifiedName.parse(table), column, true));
    }

    /**
     * Sets a column's default: {@code op.setDefault("agents", "status", "'active'")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the column name
     * @param expression the default, SQL written as given ({@code "'active'"}, {@code "now()"})
     */
    default void setDefault(String table, String column, String expression) {
        run(new ColumnOp.AlterColumnDefault(QualifiedName.parse(table), column, expression, null));
    }

    /**
     * Removes a column's default: {@code op.dropDefault("agents", "status")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the column name
     */
    default void dropDefault(String table, String column) {
        run(new ColumnOp.AlterColumnDefault(QualifiedName.parse(table), column, null, null));
    }

    /**
     * Changes an identity column in place, keeping its sequence and current value:
     * {@code op.alterIdentity("orders", "id", null, sequenceChanges().incrementBy(50))}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the identity column
     * @param generatedAlways {@code true} for GENERATED ALWAYS, {@code false} for BY DEFAULT, {@code null} to keep it
     * @param changes the sequence options to change, from {@link Ddl#sequenceChanges()}
     */
    default void alterIdentity(
            String table, String column, @Nullable Boolean generatedAlways, SequenceChanges changes) {
        run(new ColumnOp.AlterIdentity(QualifiedName.parse(table), column, generatedAlways, changes, null, null));
    }

    /**
     * Changes the collation of a text column in place: {@code op.alterColumnCollation("users", "name", "text", "C")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the column name
     * @param type the column's type, which PostgreSQL needs restated
     * @param collation the collation name
     */
    default void alterColumnCollation(String table, String column, String type, String collation) {
        run(new ColumnOp.AlterColumnType(QualifiedName.parse(table), column, type, null, null, collation, null, null));
    }

    /**
     * Makes an existing column an identity column: {@code op.addIdentity("orders", "id", identityByDefault())}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column a {@code NOT NULL} integer column
     * @param identity {@link Ddl#identityAlways()} or {@link Ddl#identityByDefault()}
     */
    default void addIdentity(String table, String column, Identity identity) {
        run(new ColumnOp.AddIdentity(QualifiedName.parse(table), column, identity));
    }

    /**
     * Makes an identity column a plain column again, dropping its sequence: {@code op.dropIdentity("orders", "id")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the identity column
     */
    default void dropIdentity(String table, String column) {
        run(new ColumnOp.DropIdentity(QualifiedName.parse(table), column, null));
    }

    /**
     * Sets a column comment: {@code op.commentOnColumn("agents", "status", "Operational status")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the column name
     * @param comment the comment, written as a literal; {@code null} removes it
     */
    default void commentOnColumn(String table, String column, @Nullable String comment) {
        run(new ColumnOp.CommentOnColumn(QualifiedName.parse(table), column, comment, null));
    }

    /**
     * Sets a constraint comment: {@code op.commentOnConstraint("agents", "agents_email_key", "One account per address")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param constraint the constraint name
     * @param comment the comment, written as a literal; {@code null} removes it
     */
    default void commentOnConstraint(String table, String constraint, @Nullable String comment) {
        run(new ConstraintOp.CommentOnConstraint(QualifiedName.parse(table), constraint, comment, null));
    }

    /**
     * Sets an index comment: {@code op.commentOnIndex("agents_name_idx", "For the search page")}.
     *
     * @param index the index name, optionally schema-qualified
     * @param comment the comment, written as a literal; {@code null} removes it
     */
    default void commentOnIndex(String index, @Nullable String comment) {
        run(new IndexOp.CommentOnIndex(QualifiedName.parse(index), comment, null));
    }

    // ---- indexes ----

    /**
     * Creates a plain index on columns: {@code op.createIndex("ix_agents_status", "agents", "status")}.
     * Each column is a name, quoted as needed, never SQL; for expressions, ordering, unique, partial,
     * concurrent and other indexes use {@link #createIndex(IndexOp.CreateIndex)}.
     *
     * @param name the index name
     * @param table the table name, optionally schema-qualified; the index goes in its schema
     * @param columns one or more column names
     */
    default void createIndex(String name, String table, String... columns) {
        run(IndexOp.CreateIndex.on(name, QualifiedName.parse(table), Arrays.asList(columns)));
    }

    /**
     * Creates an index built with {@link Ddl#index}:
     * {@code op.createIndex(index("ix_tasks_open", "tasks", "created_at").where("status = 'open'"))}.
     *
     * @param index the index, with its keys and options
     */
    default void createIndex(IndexOp.CreateIndex index) {
        run(index);
    }

    /**
     * Drops an index: {@code op.dropIndex("ix_agents_status")}.
     *
     * @param name the index name; a schema-qualified one ({@code "app.ix_name"}) drops it from that schema
     */
    default void dropIndex(String name) {
        run(new IndexOp.DropIndex(QualifiedName.parse(name), false, null));
    }

    /**
     * Drops an index without blocking writes: {@code op.dropIndexConcurrently("ix_agents_status")}.
     * The migration must run outside a transaction ({@code transactional = false} on its {@code @Revision}).
     *
     * @param name the index name, optionally schema-qualified
     */
    default void dropIndexConcurrently(String name) {
        run(new IndexOp.DropIndex(QualifiedName.parse(name), true, null));
    }

    // ---- constraints ----

    /**
     * Adds a constraint built with {@link Ddl}: {@code op.addConstraint("orders", check("ck_orders_amount", "amount > 0").notValid())}.
     *
     * @param table the table name, optionally schema-qualified
     * @param constraint the constraint
     */
    default void addConstraint(String table, Constraint constraint) {
        run(new ConstraintOp.AddConstraint(QualifiedName.parse(table), constraint));
    }

    /**
     * Adds a primary key: {@code op.addPrimaryKey("agents", "pk_agents", "id")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param name the constraint name
     * @param columns its column names, in order
     */
    default void addPrimaryKey(String table, String name, String... columns) {
        addConstraint(table, Ddl.primaryKey(name, columns));
    }

    /**
     * Adds a unique constraint: {@code op.addUnique("agents", "uq_agents_email", "email")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param name the constraint name
     * @param columns its column names, in order
     */
    default void addUnique(String table, String name, String... columns) {
        addConstraint(table, Ddl.unique(name, columns));
    }

    /**
     * Adds a foreign key built with {@link Ddl#foreignKey}:
     * {@code op.addForeignKey("tasks", foreignKey("fk_tasks_agent", "agent_id").references("agents", "id").onDelete(CASCADE))}.
     *
     * @param table the referencing table, optionally schema-qualified
     * @param foreignKey the foreign key
     */
    default void addForeignKey(String table, Constraint.ForeignKey foreignKey) {
        addConstraint(table, foreignKey);
    }

    /**
     * Adds a check constraint: {@code op.addCheck("orders", "ck_orders_amount", "amount > 0")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param name the constraint name
     * @param expression the condition, SQL written as given
     */
    default void addCheck(String table, String name, String expression) {
        addConstraint(table, Ddl.check(name, expression));
    }

    /**
     * Validates a constraint added {@code NOT VALID}, scanning the table without blocking writes:
     * {@code op.validateConstraint("tasks", "fk_tasks_agent")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param name the constraint name
     */
    default void validateConstraint(String table, String name) {
        run(new ConstraintOp.ValidateConstraint(QualifiedName.parse(table), name));
    }

    /**
     * Makes a foreign key deferrable, in place: {@code op.setDeferrable("tasks", "fk_tasks_agent", true)}.
     * A transaction may then check it at commit ({@code SET CONSTRAINTS ... DEFERRED}); initially deferred,
     * every transaction does unless it says otherwise. PostgreSQL changes this for foreign keys only: make
     * a primary key or unique constraint deferrable by dropping it and adding it again.
     *
     * @param table the table name, optionally schema-qualified
     * @param constraint the foreign key's name
     * @param initiallyDeferred {@code true} for {@code INITIALLY DEFERRED}, {@code false} for {@code INITIALLY
     *     IMMEDIATE}
     */
    default void setDeferrable(String table, String constraint, boolean initiallyDeferred) {
        run(new ConstraintOp.AlterConstraintDeferrability(
                QualifiedName.parse(table), constraint, Deferrability.of(true, initiallyDeferred), null));
    }

    /**
     * Makes a foreign key checked after each statement again, in place: {@code op.setNotDeferrable("tasks",
     * "fk_tasks_agent")}. PostgreSQL changes this for foreign keys only.
     *
     * @param table the table name, optionally schema-qualified
     * @param constraint the foreign key's name
     */
    default void setNotDeferrable(String table, String constraint) {
        run(new ConstraintOp.AlterConstraintDeferrability(
                QualifiedName.parse(table), constraint, Deferrability.NOT_DEFERRABLE, null));
    }

    /**
     * Drops a constraint: {@code op.dropConstraint("tasks", "fk_tasks_agent")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param name the constraint name
     */
    default void dropConstraint(String table, String name) {
        run(new ConstraintOp.DropConstraint(QualifiedName.parse(table), name, null));
    }

    // ---- enum types ----

    /**
     * Creates an enum type: {@code op.createEnum("task_state", "open", "done")}.
     *
     * @param type the type name, optionally schema-qualified
     * @param labels its labels, in order, written as literals
     */
    default void createEnum(String type, String... labels) {
        run(new EnumOp.CreateEnum(QualifiedName.parse(type), List.of(labels)));
    }

    /**
     * Appends a label to an enum type: {@code op.addEnumValue("task_state", "archived")}. In a
     * transactional migration PostgreSQL 12 and later allow it, but the label is usable only after commit.
     *
     * @param type the type name, optionally schema-qualified
     * @param label the new label
     */
    default void addEnumValue(String type, String label) {
        run(new EnumOp.AddEnumValue(QualifiedName.parse(type), label, null, null));
    }

    /**
     * Adds a label before another: {@code op.addEnumValueBefore("task_state", "waiting", "done")}.
     *
     * @param type the type name, optionally schema-qualified
     * @param label the new label
     * @param before the existing label it goes before
     */
    default void addEnumValueBefore(String type, String label, String before) {
        run(new EnumOp.AddEnumValue(QualifiedName.parse(type), label, before, null));
    }

    /**
     * Adds a label after another: {@code op.addEnumValueAfter("task_state", "waiting", "open")}.
     *
     * @param type the type name, optionally schema-qualified
     * @param label the new label
     * @param after the existing label it goes after
     */
    default void addEnumValueAfter(String type, String label, String after) {
        run(new EnumOp.AddEnumValue(QualifiedName.parse(type), label, null, after));
    }

    /**
     * Renames a label: {@code op.renameEnumValue("task_state", "done", "finished")}.
     *
     * @param type the type name, optionally schema-qualified
     * @param label the current label
     * @param newLabel the new label
     */
    default void renameEnumValue(String type, String label, String newLabel) {
        run(new EnumOp.RenameEnumValue(QualifiedName.parse(type), label, newLabel));
    }

    /**
     * Drops an enum type: {@code op.dropEnum("task_state")}.
     *
     * @param type the type name, optionally schema-qualified
     */
    default void dropEnum(String type) {
        run(new EnumOp.DropEnum(QualifiedName.parse(type), null));
    }

    // ---- sequences and schemas ----

    /**
     * Creates a sequence with PostgreSQL's defaults: {@code op.createSequence("order_number_seq")}.
     *
     * @param sequence the sequence name, optionally schema-qualified
     */
    default void createSequence(String sequence) {
        createSequence(sequence, SequenceOptions.DEFAULTS);
    }

    /**
     * Creates a sequence with options:
     * {@code op.createSequence("order_number_seq", sequenceOptions().startWith(1000).incrementBy(10))}.
     *
     * @param sequence the sequence name, optionally schema-qualified
     * @param options its options, from {@link Ddl#sequenceOptions()}
     */
    default void createSequence(String sequence, SequenceOptions options) {
        run(new SequenceOp.CreateSequence(QualifiedName.parse(sequence), options, null));
    }

    /**
     * Changes options of a sequence in place, keeping its current value:
     * {@code op.alterSequence("order_number_seq", sequenceChanges().incrementBy(50).cache(10))}.
     *
     * @param sequence the sequence name, optionally schema-qualified
     * @param changes the options to change, from {@link Ddl#sequenceChanges()}
     */
    default void alterSequence(String sequence, SequenceChanges changes) {
        run(new SequenceOp.AlterSequence(QualifiedName.parse(sequence), changes, null));
    }

    /**
     * Drops a sequence: {@code op.dropSequence("order_number_seq")}.
     *
     * @param sequence the sequence name, optionally schema-qualified
     */
    default void dropSequence(String sequence) {
        run(new SequenceOp.DropSequence(QualifiedName.parse(sequence), null));
    }

    /**
     * Creates a sequence owned by a column, so dropping the column drops the sequence:
     * {@code op.createSequence("orders_number_seq", sequenceOptions(), "orders.number")}.
     *
     * @param sequence the sequence name, optionally schema-qualified
     * @param options its options, from {@link Ddl#sequenceOptions()}
     * @param ownedBy the owning column as {@code "table.column"}
     */
    default void createSequence(String sequence, SequenceOptions options, String ownedBy) {
        run(new SequenceOp.CreateSequence(QualifiedName.parse(sequence), options, ownedBy));
    }

    /**
     * Creates a schema: {@code op.createSchema("audit")}.
     *
     * @param schema the schema name
     */
    default void createSchema(String schema) {
        run(new SchemaOp.CreateSchema(schema, false));
    }

    /**
     * Creates a schema unless it exists: {@code op.createSchemaIfNotExists("audit")}.
     *
     * @param schema the schema name
     */
    default void createSchemaIfNotExists(String schema) {
        run(new SchemaOp.CreateSchema(schema, true));
    }

    /**
     * Drops an empty schema: {@code op.dropSchema("audit")}.
     *
     * @param schema the schema name
     */
    default void dropSchema(String schema) {
        run(new SchemaOp.DropSchema(schema, false));
    }

    /**
     * Drops a schema and everything in it: {@code op.dropSchemaCascade("audit")}.
     *
     * @param schema the schema name
     */
    default void dropSchemaCascade(String schema) {
        run(new SchemaOp.DropSchema(schema, true));
    }

    // ---- objects kept as one definition: views, functions, triggers, policies, domains, ... ----

    /**
     * Creates a view, function, trigger, policy, domain or other object from the statements that
     * create it: {@code op.createObject(ObjectKind.VIEW, "public.active_customers", "CREATE VIEW public.active_customers AS SELECT id FROM customers")}.
     * Its reverse drops it.
     *
     * @param kind what it is
     * @param identity how {@code DROP} names it: {@code public.v}, {@code public.f(integer)}, {@code t ON public.orders}
     * @param sql the statements that create it (with its comments and grants after it)
     */
    default void createObject(ObjectKind kind, String identity, String sql) {
        run(new ObjectOp.CreateObject(new ObjectDefinition(kind, identity, sql)));
    }

    /**
     * Replaces an object's definition in place ({@code CREATE OR REPLACE}); its reverse puts the old
     * one back: {@code op.replaceObject(ObjectKind.FUNCTION, "public.answer()", "CREATE FUNCTION public.answer() RETURNS int RETURN 42", "CREATE OR REPLACE FUNCTION public.answer() RETURNS int RETURN 43")}.
     *
     * @param kind what it is
     * @param identity how {@code DROP} names it
     * @param oldSql the statements of the definition it replaces
     * @param newSql the statements of the new definition, which run
     */
    default void replaceObject(ObjectKind kind, String identity, String oldSql, String newSql) {
        run(new ObjectOp.ReplaceObject(
                new ObjectDefinition(kind, identity, oldSql), new ObjectDefinition(kind, identity, newSql)));
    }

    /**
     * Drops an object: {@code op.dropObject(ObjectKind.TRIGGER, "touch ON public.orders")}. Without the
     * definition it has no reverse.
     *
     * @param kind what it is
     * @param identity how {@code DROP} names it
     */
    default void dropObject(ObjectKind kind, String identity) {
        run(new ObjectOp.DropObject(kind, identity, null));
    }

    /**
     * Drops an object, keeping the statements that created it so that its reverse creates it again:
     * {@code op.dropObject(ObjectKind.VIEW, "public.v", "CREATE VIEW public.v AS SELECT 1 AS one")}.
     *
     * @param kind what it is
     * @param identity how {@code DROP} names it
     * @param sql the statements that created it
     */
    default void dropObject(ObjectKind kind, String identity, String sql) {
        run(new ObjectOp.DropObject(kind, identity, new ObjectDefinition(kind, identity, sql)));
    }

    // ---- online changes ----

    /**
     * Makes a change online, without locking the table for long or breaking the application running
     * on it: {@code op.online(OnlineChange.alterColumn("orders", "amount").type("numeric(12,2)"))}. The
     * upgrade runs the expand phase (the old shape keeps working, the new one is in the schema
     * {@code <schema>_<revision>}); {@code migrate:complete} runs the contract phase. The migration runs
     * outside a transaction, a statement (or a backfill batch) at a time.
     *
     * @param change a column type, {@code NOT NULL}, constraint, rename or drop, built with {@link OnlineChange}
     */
    default void online(OnlineChange change) {
        run(new OnlineOp.Online(change));
    }

    // ---- distribution across a Citus cluster ----

    /**
     * Distributes a table over the workers of a Citus cluster by the hash of a column, colocated as Citus's
     * default says (with the tables of the same column type and shard count); its rows are copied to the
     * workers: {@code op.distributeTable("customers", "id")}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the distribution column
     */
    default void distributeTable(String table, String column) {
        run(new CitusOp.DistributeTable(QualifiedName.parse(table), column));
    }

    /**
     * Distributes a table by a column with its shards beside those of another table, so that a join on the
     * distribution column stays on one node: {@code op.distributeTable("orders", "customer_id", "customers")};
     * {@code "none"} puts it in a colocation group of its own.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the distribution column
     * @param colocateWith a distributed table, optionally schema-qualified, or {@code "none"}
     */
    default void distributeTable(String table, String column, String colocateWith) {
        run(new CitusOp.DistributeTable(QualifiedName.parse(table), column, colocateWith, null));
    }

    /**
     * Distributes a table by a column into {@code shardCount} shards, in a colocation group of its own
     * ({@code colocateWith} {@code "none"}) or Citus's default one ({@code "default"}):
     * {@code op.distributeTable("events", "device_id", "none", 64)}.
     *
     * @param table the table name, optionally schema-qualified
     * @param column the distribution column
     * @param colocateWith {@code "none"} or {@code "default"}
     * @param shardCount the number of shards
     */
    default void distributeTable(String table, String column, String colocateWith, int shardCount) {
        run(new CitusOp.DistributeTable(QualifiedName.parse(table), column, colocateWith, shardCount));
    }

    /**
     * Makes a table a reference table of a Citus cluster, copied with its rows to every node:
     * {@code op.createReferenceTable("countries")}.
     *
     * @param table the table name, optionally schema-qualified
     */
    default void createReferenceTable(String table) {
        run(new CitusOp.CreateReferenceTable(QualifiedName.parse(table)));
    }

    /**
     * Makes a distributed or reference table a table of the coordinator again, its rows copied back:
     * {@code op.undistributeTable("orders")}.
     *
     * @param table the table name, optionally schema-qualified
     */
    default void undistributeTable(String table) {
        run(new CitusOp.UndistributeTable(QualifiedName.parse(table), null));
    }

    /**
     * Distributes a schema as a unit (Citus 12 and later): each of its tables, and each created in it later,
     * has a single shard, all on one worker: {@code op.distributeSchema("tenant_1")}.
     *
     * @param schema the schema name
     */
    default void distributeSchema(String schema) {
        run(new CitusOp.DistributeSchema(schema));
    }

    /**
     * Makes the tables of a distributed schema tables of the coordinator again:
     * {@code op.undistributeSchema("tenant_1")}.
     *
     * @param schema the schema name
     */
    default void undistributeSchema(String schema) {
        run(new CitusOp.UndistributeSchema(schema));
    }

    // ---- SQL and data ----

    /**
     * Runs SQL as written, in order with the other operations:
     * {@code op.execute("UPDATE agents SET status = 'active' WHERE status IS NULL")}.
     *
     * @param sql one or more statements, written into the script as given
     */
    default void execute(String sql) {
        run(new SqlOp.Execute(sql, null));
    }

    /**
     * Inserts rows, their values written as literals so the same migration works offline:
     * {@code op.bulkInsert("task_states", List.of(Map.of("name", "open"), Map.of("name", "done")))}.
     *
     * @param table the table name, optionally schema-qualified
     * @param rows one map per row, column name to value
     */
    default void bulkInsert(String table, List<Map<String, Object>> rows) {
        run(new DataOp.BulkInsert(QualifiedName.parse(table), rows));
    }

    /**
     * Inserts rows, each value as PostgreSQL reads its text ({@code null} for {@code NULL}), which is how
     * autogenerate writes the rows declared in {@code db/data/}:
     * {@code op.insertRows("countries", Rows.keyedBy("code").columns("code", "name").row("FR", "France"))}.
     *
     * @param table the table name, optionally schema-qualified
     * @param rows the rows, with the key that finds them again
     */
    default void insertRows(String table, Rows rows) {
        run(new DataOp.InsertRows(QualifiedName.parse(table), rows));
    }

    /**
     * Updates rows found by their key, giving each the values of the other columns:
     * {@code op.updateRows("countries", Rows.keyedBy("code").columns("code", "name").row("FR", "France"))}.
     *
     * @param table the table name, optionally schema-qualified
     * @param rows the rows as they are to be, with the key that finds each
     */
    default void updateRows(String table, Rows rows) {
        run(new DataOp.UpdateRows(QualifiedName.parse(table), rows, null));
    }

    /**
     * Deletes rows found by their key; the other values are not compared (autogenerate writes them so that
     * the call says what goes):
     * {@code op.deleteRows("countries", Rows.keyedBy("code").columns("code", "name").row("XX", "Nowhere"))}.
     *
     * @param table the table name, optionally schema-qualified
     * @param rows the rows, found by their key
     */
    default void deleteRows(String table, Rows rows) {
        run(new DataOp.DeleteRows(QualifiedName.parse(table), rows));
    }

    /**
     * Stops the migration, before what follows runs, when {@code query} returns any row: the
     * message and the number of rows found end the transaction, so nothing of the migration is
     * applied. Autogenerate writes one before a change the data would make fail:
     * {@code op.requireNoRows("SELECT 1 FROM customers WHERE email IS NULL", "fill customers.email before it becomes NOT NULL")}.
     *
     * @param query a SELECT returning the rows that must not exist
     * @param message what to do about them
     */
    default void requireNoRows(String query, String message) {
        run(new SqlOp.RequireNoRows(query, message));
    }

    /**
     * Decides on the database the revision runs on whether its changes run, as a Liquibase precondition
     * does; write it first in {@code upgrade()}. It is evaluated before the revision's statements:
     * {@code op.guard(new Precondition.Not(new Precondition.TableExists(QualifiedName.parse("person"))),
     * Precondition.OnFail.MARK_RAN, "person exists already")} records the revision as applied without
     * running it on a database that has the table.
     *
     * @param precondition what must hold
     * @param onFail what happens when it does not
     * @param message what the run says then
     */
    default void guard(Precondition precondition, Precondition.OnFail onFail, String message) {
        run(new SqlOp.Guard(precondition, onFail, message));
    }

    /**
     * A guard, as {@link #guard(Precondition, Precondition.OnFail, String)}, that says too what happens when the
     * precondition cannot be evaluated (Liquibase's {@code onError}): an {@code sqlCheck} whose query fails,
     * {@code op.guard(new Precondition.SqlCheck("SELECT count(*) FROM legacy_flags", "0"),
     * Precondition.OnFail.MARK_RAN, Precondition.OnFail.WARN, "legacy_flags has rows")} warns and runs the
     * revision where legacy_flags does not exist. The failed evaluation is rolled back to a savepoint, so the
     * revision's transaction goes on.
     *
     * @param onError what happens when evaluating the precondition fails
     */
    default void guard(
            Precondition precondition, Precondition.OnFail onFail, Precondition.OnFail onError, String message) {
        run(new SqlOp.Guard(precondition, onFail, onError, message));
    }

    /**
     * A guard, as {@link #guard(Precondition, Precondition.OnFail, Precondition.OnFail, String)}, with a message of
     * its own for when the precondition cannot be evaluated (the onErrorMessage attribute of Liquibase):
     * {@code op.guard(new Precondition.SqlCheck("SELECT count(*) FROM legacy_flags", "0"),
     * Precondition.OnFail.MARK_RAN, Precondition.OnFail.HALT, "legacy_flags has rows",
     * "legacy_flags must exist: run the 2.x upgrade first")} fails the run with the second message where
     * legacy_flags does not exist.
     *
     * @param errorMessage what the run says when evaluating the precondition fails
     */
    default void guard(
            Precondition precondition,
            Precondition.OnFail onFail,
            Precondition.OnFail onError,
            String message,
            String errorMessage) {
        run(new SqlOp.Guard(precondition, onFail, onError, message, errorMessage));
    }
}
