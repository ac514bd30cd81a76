package dev.migrate.catalog.rows;

import dev.migrate.catalog.ObjectName;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.Op;
import dev.migrate.op.TableElement;
import dev.migrate.op.TableOp;
import java.io.Serializable;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the comparison of a table's rows needs of the table: its columns with their types, the keys that
 * can find a row (primary key first, then each unique constraint or plain unique index), and the foreign
 * keys that point to it or from it. Read from a database's catalog ({@link #read}), or from the
 * {@code CREATE TABLE} of a migration that creates it ({@link #of(TableOp.CreateTable, String)}).
 *
 * @param columns each column a row can be given, in table order, with its type as {@code format_type} says it
 *     ({@code null} for a table not built yet, whose values are written as declared); generated columns are not here
 * @param keys the column lists that find one row, the primary key's first
 * @param foreignKeys the foreign keys between this table and others, both ways
 * @param sequenced the columns whose values a sequence gives (an identity or {@code serial} column): a row inserted
 *     with its own value there leaves the sequence behind, so the insert sets it past the values inserted
 */
public record TableShape(
        ObjectName table,
        Map<String, @Nullable String> columns,
        List<List<String>> keys,
        List<Reference> foreignKeys,
        List<String> sequenced)
        implements Serializable {
    public TableShape {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        keys = keys.stream().map(List::copyOf).toList();
        foreignKeys = List.copyOf(foreignKeys);
        sequenced = List.copyOf(sequenced);
    }

    /**
     * A foreign key: rows of {@code child} whose {@code childColumns} hold values of {@code parentColumns} in
     * {@code parent}.
     *
     * @param onDelete {@code confdeltype}: {@code a} no action, {@code r} restrict, {@code c} cascade, {@code n}
     *     set null, {@code d} set default
     */
    public record Reference(
            ObjectName child, List<String> childColumns, ObjectName parent, List<String> parentColumns, char onDelete)
            implements Serializable {
        public Reference {
            childColumns = List.copyOf(childColumns);
            parentColumns = List.copyOf(parentColumns);
        }

        /** Whether deleting a referenced row fails while a child row points to it. */
        public boolean blocksDelete() {
            return onDelete == 'a' || onDelete == 'r';
        }

        /** What the database does to the child rows when their parent row goes, as the DDL says it. */
        public String onDeleteText() {
            return switch (onDelete) {
                case 'c' -> "ON DELETE CASCADE deletes them";
                case 'n' -> "ON DELETE SET NULL empties their " + String.join(", ", childColumns);
                case 'd' -> "ON DELETE SET DEFAULT resets their " + String.join(", ", childColumns);
                default -> "the delete fails while they exist";
            };
        }
    }

    /**
     * The table as {@code c}'s catalog has it, or empty when it has no such table.
     */
    public static Optional<TableShape> read(Connection c, ObjectName table) throws SQLException {
        String regclass = RowReader.quote(table);
        Map<String, @Nullable String> columns = new LinkedHashMap<>();
        List<String> sequenced = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
                        + " pg_catalog.pg_get_serial_sequence(?, a.attname) IS NOT NULL FROM pg_catalog.pg_attribute a"
                        + " WHERE a.attrelid = pg_catalog.to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"
                        + " AND a.attgenerated = '' ORDER BY a.attnum")) {
            s.setString(1, regclass);
            s.setString(2, regclass);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.put(r.getString(1), r.getString(2));
                    if (r.getBoolean(3)) {
                        sequenced.add(r.getString(1));
                    }
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ARRAY(SELECT a.attname::text"
                + " FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n"
                + " WHERE k.o <= i.indnkeyatts ORDER BY k.o)"
                + " FROM pg_catalog.pg_index i WHERE i.indrelid = pg_catalog.to_regclass(?) AND i.indisunique"
                + " AND i.indpred IS NULL AND i.indexprs IS NULL"
                + " ORDER BY i.indisprimary DESC, i.indexrelid::regclass::text")) {
            s.setString(1, regclass);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.add(strings(r.getArray(1)));
                }
            }
        }
        List<Reference> references = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT cn.nspname, cc.relname, ARRAY(SELECT a.attname::text"
                + " FROM unnest(f.conkey) WITH ORDINALITY k(n, o) JOIN pg_catalog.pg_attribute a"
                + " ON a.attrelid = f.conrelid AND a.attnum = k.n ORDER BY k.o),"
                + " pn.nspname, pc.relname, ARRAY(SELECT a.attname::text"
                + " FROM unnest(f.confkey) WITH ORDINALITY k(n, o) JOIN pg_catalog.pg_attribute a"
                + " ON a.attrelid = f.confrelid AND a.attnum = k.n ORDER BY k.o), f.confdeltype"
                + " FROM pg_catalog.pg_constraint f"
                + " JOIN pg_catalog.pg_class cc ON cc.oid = f.conrelid"
                + " JOIN pg_catalog.pg_namespace cn ON cn.oid = cc.relnamespace"
                + " JOIN pg_catalog.pg_class pc ON pc.oid = f.confrelid"
                + " JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace"
                + " WHERE f.contype = 'f' AND f.conparentid = 0"
                + " AND (f.conrelid = pg_catalog.to_regclass(?) OR f.confrelid = pg_catalog.to_regclass(?))"
                + " ORDER BY f.conname")) {
            s.setString(1, regclass);
            s.setString(2, regclass);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    references.add(new Reference(
                            ObjectName.of(r.getString(1), r.getString(2)),
                            strings(r.getArray(3)),
                            ObjectName.of(r.getString(4), r.getString(5)),
                            strings(r.getArray(6)),
                            r.getString(7).charAt(0)));
                }
            }
        }
        return Optional.of(new TableShape(table, columns, keys, references, sequenced));
    }

    /**
     * The table as the migration's {@code CREATE TABLE} builds it, its names resolved in {@code schema} when
     * unqualified; the column types are left unknown, as the table is not there to read values with.
     */
    public static TableShape of(TableOp.CreateTable create, String schema) {
        ObjectName table = name(create.table().schema(), create.table().name(), schema);
        Map<String, @Nullable String> columns = new LinkedHashMap<>();
        List<List<String>> keys = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        List<String> sequenced = new ArrayList<>();
        for (TableElement element : create.elements()) {
            if (element instanceof Column column) {
                if (column.generatedExpression() == null) {
                    columns.put(column.name(), null);
                }
                if (column.identityGeneration() != null
                        || column.type().toLowerCase(java.util.Locale.ROOT).endsWith("serial")) {
                    sequenced.add(column.name());
                }
                if (column.isPrimaryKey()) {
                    keys.add(0, List.of(column.name()));
                } else if (column.isUnique()) {
                    keys.add(List.of(column.name()));
                }
            } else if (element instanceof Constraint.PrimaryKey pk) {
                keys.add(0, pk.columns());
            } else if (element instanceof Constraint.Unique unique) {
                keys.add(unique.columns());
            } else if (element instanceof Constraint.ForeignKey fk) {
                references.add(reference(table, fk, schema));
            }
        }
        return new TableShape(table, columns, keys, references, sequenced);
    }

    /**
     * This shape as {@code ops} (a migration's, its names in {@code schema} when unqualified) leave it: with the
     * columns they add to its table (their type unknown, as the column is not there to read values with), and the
     * keys and foreign keys they add to it or point to it with. A migration that creates tables adds their foreign
     * keys once every table exists, after the {@code CREATE TABLE}s, and the rows of its tables still go in parents
     * first.
     */
    public TableShape withChanges(List<Op> ops, String schema) {
        Map<String, @Nullable String> withColumns = new LinkedHashMap<>(columns);
        List<List<String>> withKeys = new ArrayList<>(keys);
        List<Reference> references = new ArrayList<>(foreignKeys);
        for (Op op : ops) {
            if (op instanceof ColumnOp.AddColumn add
                    && name(add.table().schema(), add.table().name(), schema).equals(table)) {
                withColumns.putIfAbsent(add.column().name(), null);
            }
            if (!(op instanceof ConstraintOp.AddConstraint add)) {
                continue;
            }
            ObjectName owner = name(add.table().schema(), add.table().name(), schema);
            if (add.constraint() instanceof Constraint.ForeignKey fk) {
                Reference reference = reference(owner, fk, schema);
                if ((owner.equals(table) || reference.parent().equals(table)) && !references.contains(reference)) {
                    references.add(reference);
                }
            } else if (owner.equals(table)
                    && add.constraint() instanceof Constraint.PrimaryKey pk
                    && !withKeys.contains(pk.columns())) {
                withKeys.add(0, pk.columns());
            } else if (owner.equals(table)
                    && add.constraint() instanceof Constraint.Unique unique
                    && !withKeys.contains(unique.columns())) {
                withKeys.add(unique.columns());
            }
        }
        return withColumns.size() == columns.size()
                        && withKeys.size() == keys.size()
                        && references.size() == foreignKeys.size()
                ? this
                : new TableShape(table, withColumns, withKeys, references, sequenced);
    }

    private static Reference reference(ObjectName child, Constraint.ForeignKey fk, String schema) {
        return new Reference(
                child,
                fk.columns(),
                name(fk.referencedTable().schema(), fk.referencedTable().name(), schema),
                fk.referencedColumns(),
                switch (fk.onDelete()) {
                    case NO_ACTION -> 'a';
                    case RESTRICT -> 'r';
                    case CASCADE -> 'c';
                    case SET_NULL -> 'n';
                    case SET_DEFAULT -> 'd';
                });
    }

    private static ObjectName name(@Nullable String schemaOrNull, String name, String schema) {
        return ObjectName.of(schemaOrNull == null ? schema : schemaOrNull, name);
    }

    /** The foreign keys by which other tables' rows point to this table's. */
    public List<Reference> referencedBy() {
        return foreignKeys.stream().filter(f -> f.parent().equals(table)).toList();
    }

    /** The tables this table's rows point to, itself excluded. */
    public List<ObjectName> parents() {
        return foreignKeys.stream()
                .filter(f -> f.child().equals(table) && !f.parent().equals(table))
                .map(Reference::parent)
                .distinct()
                .toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
