package dev.migrate.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A table constraint. Each kind is an immutable record with fluent copies. */
public sealed interface Constraint extends TableElement {
    /** The constraint name; {@code null} lets PostgreSQL choose one. */
    @Nullable
    String name();

    <R> R accept(ConstraintVisitor<R> visitor);

    @Override
    default <R> R accept(TableElementVisitor<R> visitor) {
        return accept((ConstraintVisitor<R>) visitor);
    }

    /**
     * {@code PRIMARY KEY (columns)}, perhaps with its index's storage parameters ({@code WITH (fillfactor = 70)}),
     * perhaps {@code DEFERRABLE}.
     *
     * @param storage the storage parameters of the key's index, by lower-case name in the order given; empty for
     *     the defaults
     */
    record PrimaryKey(
            @Nullable String name,
            List<String> columns,
            boolean deferrable,
            boolean initiallyDeferred,
            Map<String, String> storage)
            implements Constraint {
        @Override
        public <R> R accept(ConstraintVisitor<R> visitor) {
            return visitor.visit(this);
        }

        public PrimaryKey {
            columns = List.copyOf(columns);
            storage = StorageParameters.of(indexOf(name), storage);
        }

        /** A primary key whose index has the default storage parameters. */
        public PrimaryKey(@Nullable String name, List<String> columns, boolean deferrable, boolean initiallyDeferred) {
            this(name, columns, deferrable, initiallyDeferred, Map.of());
        }

        /** A primary key checked at once, as most are. */
        public PrimaryKey(@Nullable String name, List<String> columns) {
            this(name, columns, false, false);
        }

        /** The same key checked at the end of the transaction when {@code initially}, or when asked. */
        public PrimaryKey deferrable(boolean initially) {
            return new PrimaryKey(name, columns, true, initially, storage);
        }

        /**
         * A storage parameter of the key's index, {@code PRIMARY KEY (id) WITH (fillfactor = 70)}:
         * {@code primaryKey("orders_pkey", "id").with("fillfactor", 70)}.
         */
        public PrimaryKey with(String parameter, String value) {
            return new PrimaryKey(name, columns, deferrable, initiallyDeferred, more(storage, parameter, value));
        }

        /** A numeric storage parameter: {@code primaryKey("orders_pkey", "id").with("fillfactor", 70)}. */
        public PrimaryKey with(String parameter, long value) {
            return with(parameter, Long.toString(value));
        }

        /** A boolean storage parameter: {@code primaryKey("orders_pkey", "id").with("deduplicate_items", false)}. */
        public PrimaryKey with(String parameter, boolean value) {
            return with(parameter, Boolean.toString(value));
        }
    }

    /**
     * {@code UNIQUE [NULLS NOT DISTINCT] (columns)}, perhaps with its index's storage parameters ({@code WITH
     * (fillfactor = 70)}).
     *
     * @param storage the storage parameters of the constraint's index, by lower-case name in the order given;
     *     empty for the defaults
     */
    record Unique(
            @Nullable String name,
            List<String> columns,
            boolean isNullsNotDistinct,
            boolean deferrable,
            boolean initiallyDeferred,
            Map<String, String> storage)
            implements Constraint {
        @Override
        public <R> R accept(ConstraintVisitor<R> visitor) {
            return visitor.visit(this);
        }

        public Unique {
            columns = List.copyOf(columns);
            storage = StorageParameters.of(indexOf(name), storage);
        }

        /** A unique constraint whose index has the default storage parameters. */
        public Unique(
                @Nullable String name,
                List<String> columns,
                boolean isNullsNotDistinct,
                boolean deferrable,
                boolean initiallyDeferred) {
            this(name, columns, isNullsNotDistinct, deferrable, initiallyDeferred, Map.of());
        }

        public Unique nullsNotDistinct() {
            return new Unique(name, columns, true, deferrable, initiallyDeferred, storage);
        }

        public Unique deferrable(boolean initially) {
            return new Unique(name, columns, isNullsNotDistinct, true, initially, storage);
        }

        /**
         * A storage parameter of the constraint's index, {@code UNIQUE (email) WITH (fillfactor = 70)}:
         * {@code unique("users_email_key", "email").with("fillfactor", 70)}.
         */
        public Unique with(String parameter, String value) {
            return new Unique(
                    name, columns, isNullsNotDistinct, deferrable, initiallyDeferred, more(storage, parameter, value));
        }

        /** A numeric storage parameter: {@code unique("users_email_key", "email").with("fillfactor", 70)}. */
        public Unique with(String parameter, long value) {
            return with(parameter, Long.toString(value));
        }

        /** A boolean storage parameter: {@code unique("users_email_key", "email").with("deduplicate_items", false)}. */
        public Unique with(String parameter, boolean value) {
            return with(parameter, Boolean.toString(value));
        }
    }

    /** How a message names the index of the constraint {@code name}. */
    private static String indexOf(@Nullable String name) {
        return name == null ? "of the constraint" : name;
    }

    private static Map<String, String> more(Map<String, String> storage, String parameter, String value) {
        Map<String, String> more = new LinkedHashMap<>(storage);
        more.put(parameter, value);
        return more;
    }

    /**
     * {@code FOREIGN KEY (columns) REFERENCES table (columns)} with its actions; perhaps {@code MATCH
     * FULL} (a key with some columns null must have all of them null), and perhaps the columns an
     * {@code ON DELETE SET NULL} or {@code SET DEFAULT} sets (PostgreSQL 15), all of them when empty.
     */
    record ForeignKey(
            @Nullable String name,
            List<String> columns,
            QualifiedName referencedTable,
            List<String> referencedColumns,
            ReferentialAction onDelete,
            ReferentialAction onUpdate,
            boolean deferrable,
            boolean initiallyDeferred,
            boolean isNotValid,
            boolean isMatchFull,
            List<String> onDeleteColumns,
            boolean isNotEnforced)
            implements Constraint {
        @Override
        public <R> R accept(ConstraintVisitor<R> visitor) {
            return visitor.visit(this);
        }

        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
            Objects.requireNonNull(referencedTable, "referenced table");
            onDelete = onDelete == null ? ReferentialAction.NO_ACTION : onDelete;
            onUpdate = onUpdate == null ? ReferentialAction.NO_ACTION : onUpdate;
            onDeleteColumns = onDeleteColumns == null ? List.of() : List.copyOf(onDeleteColumns);
        }

        /** A foreign key of the default {@code MATCH SIMPLE} whose delete action touches all its columns. */
        public ForeignKey(
                @Nullable String name,
                List<String> columns,
                QualifiedName referencedTable,
                List<String> referencedColumns,
                ReferentialAction onDelete,
                ReferentialAction onUpdate,
                boolean deferrable,
                boolean initiallyDeferred,
                boolean isNotValid) {
            this(
                    name,
                    columns,
                    referencedTable,
                    referencedColumns,
                    onDelete,
                    onUpdate,
                    deferrable,
                    initiallyDeferred,
                    isNotValid,
                    false,
                    List.of(),
                    false);
        }

        public ForeignKey onDelete(ReferentialAction action) {
            return onDelete(action, new String[0]);
        }

        /**
         * {@code ON DELETE SET NULL (columns)} or {@code SET DEFAULT (columns)}: only those of the key's
         * columns are set (PostgreSQL 15).
         */
        public ForeignKey onDelete(ReferentialAction action, String... setColumns) {
            return new ForeignKey(
                    name,
                    columns,
                    referencedTable,
                    referencedColumns,
                    action,
                    onUpdate,
                    deferrable,
                    initiallyDeferred,
                    isNotValid,
                    isMatchFull,
                    List.of(setColumns),
                    isNotEnforced);
        }

        public ForeignKey onUpdate(ReferentialAction action) {
            return new ForeignKey(
                    name,
                    columns,
                    referencedTable,
                    referencedColumns,
                    onDelete,
                    action,
                    deferrable,
                    initiallyDeferred,
                    isNotValid,
                    isMatchFull,
                    onDeleteColumns,
                    isNotEnforced);
        }

        public ForeignKey deferrable(boolean initially) {
            return new ForeignKey(
                    name,
                    columns,
                    referencedTable,
                    referencedColumns,
                    onDelete,
                    onUpdate,
                    true,
                    initially,
                    isNotValid,
                    isMatchFull,
                    onDeleteColumns,
                    isNotEnforced);
        }

        /** Skips checking existing rows; run {@code validateConstraint} later. */
        public ForeignKey notValid() {
            return new ForeignKey(
                    name,
                    columns,
                    referencedTable,
                    referencedColumns,
                    onDelete,
                    onUpdate,
                    deferrable,
                    initiallyDeferred,
                    true,
                    isMatchFull,
                    onDeleteColumns,
                    isNotEnforced);
        }

        /** {@code MATCH FULL}: a row whose key has some columns null must have all of them null. */
        public ForeignKey matchFull() {
            return new ForeignKey(
                    name,
                    columns,
                    referencedTable,
                    referencedColumns,
                    onDelete,
                    onUpdate,
                    deferrable,
                    initiallyDeferred,
                    isNotValid,
                    true,
                    onDeleteColumns,
                    isNotEnforced);
        }

        /** An enforced foreign key. */
        public ForeignKey(
                @Nullable String name,
                List<String> columns,
                QualifiedName referencedTable,
                List<String> referencedColumns,
                ReferentialAction onDelete,
                ReferentialAction onUpdate,
                boolean deferrable,
                boolean initiallyDeferred,
                boolean isNotValid,
                boolean isMatchFull,
                List<String> onDeleteColumns) {
            this(
                    name,
                    columns,
                    referencedTable,
                    referencedColumns,
                    onDelete,
                    onUpdate,
                    deferrable,
                    initiallyDeferred,
                    isNotValid,
                    isMatchFull,
                    onDeleteColumns,
                    false);
        }

        /**
         * {@code NOT ENFORCED} (PostgreSQL 18): the key documents the relationship but no row is
         * checked against it.
         */
        public ForeignKey notEnforced() {
            return new ForeignKey(
                    name,
                    columns,
                    referencedTable,
                    referencedColumns,
                    onDelete,
                    onUpdate,
                    deferrable,
                    initiallyDeferred,
                    isNotValid,
                    isMatchFull,
                    onDeleteColumns,
                    true);
        }
    }

    /**
     * {@code CHECK (expression)}, perhaps {@code NO INHERIT} (it holds on this table only, not on the
     * tables that inherit from it) and perhaps {@code NOT VALID} or {@code NOT ENFORCED} (PostgreSQL
     * 18: no row is checked against it).
     */
    record Check(
            @Nullable String name, String expression, boolean isNotValid, boolean isNoInherit, boolean isNotEnforced)
            implements Constraint {
        @Override
        public <R> R accept(ConstraintVisitor<R> visitor) {
            return visitor.visit(this);
        }

        public Check {
            Objects.requireNonNull(expression, "check expression");
        }

        /** A check that tables inheriting from this one inherit too, as PostgreSQL makes it by default. */
        public Check(@Nullable String name, String expression, boolean isNotValid) {
            this(name, expression, isNotValid, false, false);
        }

        /** An enforced check. */
        public Check(@Nullable String name, String expression, boolean isNotValid, boolean isNoInherit) {
            this(name, expression, isNotValid, isNoInherit, false);
        }

        /** Skips checking existing rows; run {@code validateConstraint} later. */
        public Check notValid() {
            return new Check(name, expression, true, isNoInherit, isNotEnforced);
        }

        /** Holds on this table only: the tables that inherit from it do not get it. */
        public Check noInherit() {
            return new Check(name, expression, isNotValid, true, isNotEnforced);
        }

        /** {@code NOT ENFORCED} (PostgreSQL 18): the check documents a rule but no row is checked against it. */
        public Check notEnforced() {
            return new Check(name, expression, isNotValid, isNoInherit, true);
        }
    }
}
