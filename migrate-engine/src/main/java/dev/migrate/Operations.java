package dev.migrate;

import dev.migrate.op.Column;
import dev.migrate.op.Constraint;
import dev.migrate.op.Identity;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SequenceChanges;
import dev.migrate.op.SequenceOptions;
import dev.migrate.op.TableElement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The schema changes a migration can make. Each call records one {@link Op}; the run renders them
 * to PostgreSQL SQL and executes them in order, or prints them in offline mode.
 *
 * <p>Table, type, sequence and index names may be schema-qualified ({@code "app.agents"}).
 * Names are quoted exactly when PostgreSQL needs it; values are written as safe literals. Column
 * types, defaults, check and WHERE expressions are SQL written by the migration's author.
 * Build columns and constraints with the factories in {@link Ddl}.
 */
public interface Operations {

    /** Records any operation; every other method is a shorthand for one call of this. */
    void run(Op op);

    /**
     * Runs data-migration code on the live connection, in order with the other operations.
     * Offline SQL generation fails with a clear error when a migration uses this.
     */
    void jdbc(JdbcWork work);

    /** Whether the operations are being rendered to a SQL script rather than run. */
    boolean isOffline();

    // ---- tables ----

    default void createTable(String table, TableElement... elements) {
        run(new Op.CreateTable(QualifiedName.parse(table), List.of(elements), null));
    }

    default void dropTable(String table) {
        run(new Op.DropTable(QualifiedName.parse(table), null));
    }

    default void renameTable(String table, String newName) {
        run(new Op.RenameTable(QualifiedName.parse(table), newName));
    }

    /** Sets the table comment; {@code null} removes it. */
    default void commentOnTable(String table, String comment) {
        run(new Op.CommentOnTable(QualifiedName.parse(table), comment, null));
    }

    // ---- columns ----

    default void addColumn(String table, Column column) {
        run(new Op.AddColumn(QualifiedName.parse(table), column));
    }

    default void dropColumn(String table, String column) {
        run(new Op.DropColumn(QualifiedName.parse(table), column, null));
    }

    default void renameColumn(String table, String column, String newName) {
        run(new Op.RenameColumn(QualifiedName.parse(table), column, newName));
    }

    default void alterColumnType(String table, String column, String type) {
        alterColumnType(table, column, type, null);
    }

    /** Changes the type, converting existing values with {@code using} ({@code "amount::numeric(10,2)"}). */
    default void alterColumnType(String table, String column, String type, String using) {
        run(new Op.AlterColumnType(QualifiedName.parse(table), column, type, using, null));
    }

    default void setNotNull(String table, String column) {
        run(new Op.AlterColumnNullable(QualifiedName.parse(table), column, false));
    }

    default void dropNotNull(String table, String column) {
        run(new Op.AlterColumnNullable(QualifiedName.parse(table), column, true));
    }

    /** Sets the default to a SQL expression ({@code "'active'"}, {@code "now()"}). */
    default void setDefault(String table, String column, String expression) {
        run(new Op.AlterColumnDefault(QualifiedName.parse(table), column, expression, null));
    }

    default void dropDefault(String table, String column) {
        run(new Op.AlterColumnDefault(QualifiedName.parse(table), column, null, null));
    }

    /**
     * Changes an identity column in place, keeping its sequence and current value:
     * {@code op.alterIdentity("orders", "id", null, sequenceChanges().incrementBy(50))}.
     *
     * @param generatedAlways {@code true} for GENERATED ALWAYS, {@code false} for BY DEFAULT, {@code null} to keep it
     */
    default void alterIdentity(String table, String column, Boolean generatedAlways, SequenceChanges changes) {
        run(new Op.AlterIdentity(QualifiedName.parse(table), column, generatedAlways, changes, null, null));
    }

    /** Changes the collation of a text column in place: {@code op.alterColumnCollation("users", "name", "text", "C")}. */
    default void alterColumnCollation(String table, String column, String type, String collation) {
        run(new Op.AlterColumnType(QualifiedName.parse(table), column, type, null, null, collation, null, null));
    }

    default void addIdentity(String table, String column, Identity identity) {
        run(new Op.AddIdentity(QualifiedName.parse(table), column, identity));
    }

    default void dropIdentity(String table, String column) {
        run(new Op.DropIdentity(QualifiedName.parse(table), column, null));
    }

    /** Sets the column comment; {@code null} removes it. */
    default void commentOnColumn(String table, String column, String comment) {
        run(new Op.CommentOnColumn(QualifiedName.parse(table), column, comment, null));
    }

    // ---- indexes ----

    /**
     * A plain index on columns, each a name quoted as needed (never SQL); for expressions, ordering,
     * unique, partial, concurrent and other indexes use {@link Ddl#index}.
     */
    default void createIndex(String name, String table, String... columns) {
        run(Op.CreateIndex.on(name, QualifiedName.parse(table), Arrays.asList(columns)));
    }

    default void createIndex(Op.CreateIndex index) {
        run(index);
    }

    /** Drops an index; a schema-qualified name ({@code "app.ix_name"}) drops it from that schema. */
    default void dropIndex(String name) {
        run(new Op.DropIndex(QualifiedName.parse(name), false, null));
    }

    /** {@code DROP INDEX CONCURRENTLY}; the migration must be {@code transactional = false}. */
    default void dropIndexConcurrently(String name) {
        run(new Op.DropIndex(QualifiedName.parse(name), true, null));
    }

    // ---- constraints ----

    default void addConstraint(String table, Constraint constraint) {
        run(new Op.AddConstraint(QualifiedName.parse(table), constraint));
    }

    default void addPrimaryKey(String table, String name, String... columns) {
        addConstraint(table, Ddl.primaryKey(name, columns));
    }

    default void addUnique(String table, String name, String... columns) {
        addConstraint(table, Ddl.unique(name, columns));
    }

    default void addForeignKey(String table, Constraint.ForeignKey foreignKey) {
        addConstraint(table, foreignKey);
    }

    default void addCheck(String table, String name, String expression) {
        addConstraint(table, Ddl.check(name, expression));
    }

    default void validateConstraint(String table, String name) {
        run(new Op.ValidateConstraint(QualifiedName.parse(table), name));
    }

    default void dropConstraint(String table, String name) {
        run(new Op.DropConstraint(QualifiedName.parse(table), name, null));
    }

    // ---- enum types ----

    default void createEnum(String type, String... labels) {
        run(new Op.CreateEnum(QualifiedName.parse(type), List.of(labels)));
    }

    /** Appends a value; in a migration with {@code transactional = true} PostgreSQL 12+ allows it but the value is usable only after commit. */
    default void addEnumValue(String type, String label) {
        run(new Op.AddEnumValue(QualifiedName.parse(type), label, null, null));
    }

    default void addEnumValueBefore(String type, String label, String before) {
        run(new Op.AddEnumValue(QualifiedName.parse(type), label, before, null));
    }

    default void addEnumValueAfter(String type, String label, String after) {
        run(new Op.AddEnumValue(QualifiedName.parse(type), label, null, after));
    }

    default void renameEnumValue(String type, String label, String newLabel) {
        run(new Op.RenameEnumValue(QualifiedName.parse(type), label, newLabel));
    }

    default void dropEnum(String type) {
        run(new Op.DropEnum(QualifiedName.parse(type), null));
    }

    // ---- sequences and schemas ----

    default void createSequence(String sequence) {
        createSequence(sequence, SequenceOptions.DEFAULTS);
    }

    default void createSequence(String sequence, SequenceOptions options) {
        run(new Op.CreateSequence(QualifiedName.parse(sequence), options, null));
    }

    /**
     * Changes options of a sequence in place, keeping its current value:
     * {@code op.alterSequence("order_seq", sequenceChanges().incrementBy(50).cache(10))}.
     */
    default void alterSequence(String sequence, SequenceChanges changes) {
        run(new Op.AlterSequence(QualifiedName.parse(sequence), changes, null));
    }

    default void dropSequence(String sequence) {
        run(new Op.DropSequence(QualifiedName.parse(sequence), null));
    }

    /** A sequence owned by a column ({@code "table.column"}): dropping the column drops the sequence. */
    default void createSequence(String sequence, SequenceOptions options, String ownedBy) {
        run(new Op.CreateSequence(QualifiedName.parse(sequence), options, ownedBy));
    }

    default void createSchema(String schema) {
        run(new Op.CreateSchema(schema, false));
    }

    default void createSchemaIfNotExists(String schema) {
        run(new Op.CreateSchema(schema, true));
    }

    default void dropSchema(String schema) {
        run(new Op.DropSchema(schema, false));
    }

    /** Drops the schema and everything in it. */
    default void dropSchemaCascade(String schema) {
        run(new Op.DropSchema(schema, true));
    }

    // ---- SQL and data ----

    /** Runs SQL as written, in order with the other operations. */
    default void execute(String sql) {
        run(new Op.Execute(sql, null));
    }

    /** Inserts rows; values are written as literals, so the same migration works offline. */
    default void bulkInsert(String table, List<Map<String, Object>> rows) {
        run(new Op.BulkInsert(QualifiedName.parse(table), rows));
    }
}
