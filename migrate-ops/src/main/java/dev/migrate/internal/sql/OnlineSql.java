package dev.migrate.internal.sql;

import static dev.migrate.sql.Identifiers.quote;
import static dev.migrate.sql.Literals.string;

import dev.migrate.op.OnlineChange;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.QualifiedName;
import dev.migrate.sql.VersionViews;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of the operations online changes are made of ({@link OnlineOp.OnlineStep}). What depends on the
 * catalog as it is when the expand runs (a column's type and default, the tables a schema of views
 * shows, their grants) is read by the server itself, in {@code DO} blocks, so that a script written
 * offline does the same as a run.
 */
final class OnlineSql {
    /** How the comment of a schema of views starts, which tells it from a tenant's schema. */
    static final String VIEWS_COMMENT = "migrate: the views of online revision ";

    /** The dollar quote of the bodies written here. */
    private static final String BODY = "$migrate$";

    private OnlineSql() {}

    static List<String> render(OnlineOp.OnlineStep step, PostgresDialect dialect) {
        if (step instanceof OnlineOp.DuplicateColumn d) {
            return List.of(duplicateColumn(d));
        }
        if (step instanceof OnlineOp.DuplicateConstraints d) {
            return List.of(duplicateConstraints(d));
        }
        if (step instanceof OnlineOp.SyncTrigger t) {
            return List.of(syncFunction(t), syncTrigger(t));
        }
        if (step instanceof OnlineOp.DropSyncTrigger d) {
            return List.of(
                    "DROP TRIGGER IF EXISTS " + quote(d.trigger()) + " ON " + quote(d.table()),
                    "DROP FUNCTION IF EXISTS " + quote(d.function()) + "()");
        }
        if (step instanceof OnlineOp.Backfill b) {
            return List.of("UPDATE " + quote(b.table()) + " SET " + quote(b.column()) + " = " + quote(b.column()));
        }
        if (step instanceof OnlineOp.PutConstraint p) {
            return List.of("ALTER TABLE " + quote(p.table()) + " DROP CONSTRAINT IF EXISTS " + quote(constraintName(p))
                    + ", ADD " + dialect.constraint(p.constraint()));
        }
        if (step instanceof OnlineOp.DuplicateIndexes d) {
            return List.of("DO " + BODY + "\n"
                    + "DECLARE\n"
                    + "    copy text;\n"
                    + "BEGIN\n"
                    + "    -- in a script the copies are built plainly; a run builds each CONCURRENTLY\n"
                    + "    FOR copy IN " + indexCopies(d, false) + " LOOP\n"
                    + "        EXECUTE copy;\n"
                    + "    END LOOP;\n"
                    + "END\n"
                    + BODY);
        }
        if (step instanceof OnlineOp.ReplaceColumn r) {
            return List.of(replaceColumn(r));
        }
        if (step instanceof OnlineOp.CreateVersionViews v) {
            return List.of(createViews(v));
        }
        return List.of(dropViews((OnlineOp.DropVersionViews) step));
    }

    private static String constraintName(OnlineOp.PutConstraint p) {
        String name = p.constraint().name();
        if (name == null) {
            throw new IllegalArgumentException("An online constraint on " + p.table() + " needs a name.");
        }
        return name;
    }

    private static String duplicateColumn(OnlineOp.DuplicateColumn d) {
        String table = string(quote(d.table()));
        String column = string(d.column());
        return "DO " + BODY + "\n"
                + "DECLARE\n"
                + "    rel regclass := " + table + "::regclass;\n"
                + "    old_type text;\n"
                + "    old_default text;\n"
                + "    new_type text := " + string(d.type()) + ";\n"
                + "BEGIN\n"
                + "    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = rel AND attname = "
                + string(d.newColumn())
                + " AND NOT attisdropped) THEN\n"
                + "        RETURN;\n"
                + "    END IF;\n"
                + "    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY"
                + " (i.indkey) WHERE i.indrelid = rel AND i.indisprimary AND a.attname = " + column + ") THEN\n"
                + "        RAISE EXCEPTION 'The column %.% is part of the primary key: an online change cannot put a new "
                + "column in its place', rel, " + column + " USING HINT = 'Change a primary key column with a plain "
                + "migration, at a quiet hour.';\n"
                + "    END IF;\n"
                + "    IF EXISTS (SELECT 1 FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.confrelid"
                + " AND a.attnum = ANY (c.confkey) WHERE c.confrelid = rel AND c.contype = 'f' AND a.attname = "
                + column
                + ") THEN\n"
                + "        RAISE EXCEPTION 'The column %.% is referenced by a foreign key of another table: an online change"
                + " cannot put a new column in its place', rel, " + column + " USING HINT = 'Change it with a plain"
                + " migration, at a quiet hour.';\n"
                + "    END IF;\n"
                + "    SELECT format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid)\n"
                + "    INTO old_type, old_default\n"
                + "    FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum\n"
                + "    WHERE a.attrelid = rel AND a.attname = " + column + " AND a.attnum > 0 AND NOT a.attisdropped;\n"
                + "    IF old_type IS NULL THEN\n"
                + "        RAISE EXCEPTION 'The table % has no column %', rel, " + column + ";\n"
                + "    END IF;\n"
                + "    EXECUTE format('ALTER TABLE %s ADD COLUMN %I %s', rel, " + string(d.newColumn())
                + ", coalesce(new_type, old_type));\n"
                + "    IF old_default IS NOT NULL THEN\n"
                + "        BEGIN\n"
                + "            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT (%s)::%s', rel, "
                + string(d.newColumn()) + ", old_default, coalesce(new_type, old_type));\n"
                + "        EXCEPTION WHEN OTHERS THEN\n"
                + "            RAISE NOTICE 'The default of %.% does not fit the new type; the new column has none', rel, "
                + column + ";\n"
                + "        END;\n"
                + "    END IF;\n"
                + "END\n"
                + BODY;
    }

    /**
     * The old column's NOT NULL (as a check) and its checks and foreign keys over the new column, each
     * {@code NOT VALID} and each only when a constraint of its name is not there yet, so a resumed expand
     * finds them done.
     */
    private static String duplicateConstraints(OnlineOp.DuplicateConstraints d) {
        String table = string(quote(d.table()));
        String column = string(d.column());
        return "DO " + BODY + "\n"
                + "DECLARE\n"
                + "    rel regclass := " + table + "::regclass;\n"
                + "    con record;\n"
                + "    copy text;\n"
                + "BEGIN\n"
                + "    IF (SELECT attnotnull FROM pg_attribute WHERE attrelid = rel AND attname = " + column
                + " AND NOT attisdropped) AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = rel AND conname = "
                + string(d.notNullCheck()) + ") THEN\n"
                + "        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (%I IS NOT NULL) NOT VALID', rel, "
                + string(d.notNullCheck()) + ", " + string(d.newColumn()) + ");\n"
                + "    END IF;\n"
                + "    FOR con IN SELECT c.conname, c.contype, regexp_replace(pg_get_constraintdef(c.oid), ' NOT VALID$', '')"
                + " AS def FROM pg_constraint c WHERE c.conrelid = rel AND c.contype IN ('c', 'f')"
                + " AND c.conname NOT LIKE '\\_migrate\\_%' AND " + attnum("rel", d.column())
                + " = ANY (c.conkey) LOOP\n"
                + "        copy := left('_migrate_new_' || con.conname, 63);\n"
                + "        CONTINUE WHEN EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = rel AND conname = copy);\n"
                + "        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s NOT VALID', rel, copy,"
                + " CASE WHEN con.contype = 'f' THEN "
                + renamedIn("split_part(con.def, ' REFERENCES ', 1)", d.column(), d.newColumn())
                + " || ' REFERENCES ' || split_part(con.def, ' REFERENCES ', 2) ELSE "
                + renamedIn("con.def", d.column(), d.newColumn())
                + " END);\n"
                + "    END LOOP;\n"
                + "END\n"
                + BODY;
    }

    /**
     * A query whose rows are the statements that build, beside each index {@code column} is in (found by
     * its dependencies, so an expression or a predicate counts), the same index over the new column, named
     * {@code _migrate_new_<index>}; the primary key and the copies are left out.
     */
    static String indexCopies(OnlineOp.DuplicateIndexes d, boolean concurrently) {
        return "SELECT format('CREATE %sINDEX " + (concurrently ? "CONCURRENTLY " : "")
                + "IF NOT EXISTS %I ON %s USING %s', CASE WHEN x.indisunique THEN 'UNIQUE ' ELSE '' END,"
                + " left('_migrate_new_' || i.relname, 63), x.indrelid::regclass, regexp_replace(substring("
                + "pg_get_indexdef(x.indexrelid) FROM ' USING (.*)$'), '\\m' || " + string(d.column())
                + " || '\\M', " + string(d.newColumn()) + ", 'g'))"
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                + " WHERE x.indrelid = " + string(quote(d.table())) + "::regclass AND NOT x.indisprimary"
                + " AND i.relname NOT LIKE '\\_migrate\\_new\\_%'"
                + " AND " + indexOn("x", d.column())
                + " ORDER BY i.relname";
    }

    /**
     * Drops the old column and gives the new one its name, in the complete's transaction; the copies of the
     * old column's indexes, which the drop took with it, get their names back, and a unique constraint's
     * copy becomes that constraint again.
     */
    private static String replaceColumn(OnlineOp.ReplaceColumn r) {
        String table = quote(r.table());
        return "DO " + BODY + "\n"
                + "DECLARE\n"
                + "    rel regclass := " + string(table) + "::regclass;\n"
                + "    names text[];\n"
                + "    constraints text[];\n"
                + "    target text;\n"
                + "    con record;\n"
                + "BEGIN\n"
                + "    SELECT coalesce(array_agg(i.relname ORDER BY i.relname), '{}'),"
                + " coalesce(array_agg(coalesce(c.conname, '') ORDER BY i.relname), '{}') INTO names, constraints\n"
                + "    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid\n"
                + "    LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid"
                + " AND c.contype = 'u'\n"
                + "    WHERE x.indrelid = rel AND NOT x.indisprimary AND i.relname NOT LIKE '\\_migrate\\_new\\_%'\n"
                + "      AND " + indexOn("x", r.column()) + "\n"
                + "      AND to_regclass(quote_ident(" + schemaOf(r.table())
                + ") || '.' || quote_ident(left('_migrate_new_'"
                + " || i.relname, 63))) IS NOT NULL;\n"
                + "    EXECUTE format('ALTER TABLE %s DROP COLUMN %I', rel, " + string(r.column()) + ");\n"
                + "    EXECUTE format('ALTER TABLE %s RENAME COLUMN %I TO %I', rel, " + string(r.newColumn()) + ", "
                + string(r.column()) + ");\n"
                + "    FOR con IN SELECT conname FROM pg_constraint WHERE conrelid = rel AND conname LIKE '\\_migrate\\_new\\_%'"
                + " AND " + attnum("rel", r.column()) + " = ANY (conkey) LOOP\n"
                + "        EXECUTE format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', rel, con.conname,"
                + " substr(con.conname, 14));\n"
                + "    END LOOP;\n"
                + "    FOR i IN 1 .. coalesce(array_length(names, 1), 0) LOOP\n"
                + "        target := quote_ident(" + schemaOf(r.table())
                + ") || '.' || quote_ident(left('_migrate_new_'"
                + " || names[i], 63));\n"
                + "        EXECUTE format('ALTER INDEX %s RENAME TO %I', target, names[i]);\n"
                + "        IF constraints[i] <> '' THEN\n"
                + "            EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I UNIQUE USING INDEX %I', rel, constraints[i],"
                + " names[i]);\n"
                + "        END IF;\n"
                + "    END LOOP;\n"
                + "END\n"
                + BODY;
    }

    /** The schema of {@code table}'s indexes, as SQL: its own, or the one the name resolves to. */
    private static String schemaOf(QualifiedName table) {
        return "(SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = "
                + string(quote(table)) + "::regclass)";
    }

    /**
     * Whether the index {@code x} (an alias of pg_index) is over {@code column}: a key column, or one an
     * expression or the predicate reads (a constraint's index has no dependency of its own on its columns).
     */
    private static String indexOn(String x, String column) {
        return "(" + attnum(x + ".indrelid", column) + " = ANY (" + x + ".indkey::int2[]) OR EXISTS (SELECT 1 FROM"
                + " pg_depend p JOIN pg_attribute a ON a.attrelid = p.refobjid AND a.attnum = p.refobjsubid"
                + " WHERE p.classid = 'pg_class'::regclass AND p.objid = " + x + ".indexrelid AND p.refobjid = " + x
                + ".indrelid AND a.attname = " + string(column) + "))";
    }

    /** {@code (SELECT attnum ...)}: the number of {@code column} in the relation {@code rel} (SQL). */
    private static String attnum(String rel, String column) {
        return "(SELECT attnum FROM pg_attribute WHERE attrelid = " + rel + " AND attname = " + string(column) + ")";
    }

    /** {@code sql} (SQL text) with the column's name, as a word, made the new column's. */
    private static String renamedIn(String sql, String column, String newColumn) {
        return "regexp_replace(" + sql + ", '\\m' || " + string(column) + " || '\\M', " + string(newColumn) + ", 'g')";
    }

    /**
     * The trigger's function. A row written by a session whose search path starts with the revision's
     * schema of views comes from the new application; the expressions see the row's columns by name. A
     * value one column cannot hold (a {@code bigint} the old {@code integer} column cannot) fails the write
     * with a message that names the column and the expression that would say what it receives.
     */
    private static String syncFunction(OnlineOp.SyncTrigger t) {
        String table = string(t.table().name());
        String fromNew = t.down() == null
                ? "        NULL;\n"
                : guarded(
                        "SELECT (" + t.down() + ") INTO NEW." + quote(t.column())
                                + " FROM (SELECT (NEW).*) AS written;",
                        "'The application of revision " + escaped(t.revision()) + " wrote a row of %s that gives the"
                                + " column %s (%s), which the application of the revision before still reads, a value"
                                + " it cannot hold: %s', " + table + ", " + string(t.column()) + ", "
                                + typeOf(t.column()) + ", SQLERRM",
                        "'Say what the old column receives from such a row with the online change''s down"
                                + " expression, as in OnlineChange."
                                + (t.newColumn() == null ? "dropColumn(" : "alterColumn(")
                                + javaString(t.table().name()) + ", " + javaString(t.column())
                                + (t.newColumn() == null ? ")" : ").type(...)")
                                + ".down(\"<SQL>\"), or stop the application of the revision before and run complete,"
                                + " which drops the old column.'");
        String fromOld = t.newColumn() == null || t.up() == null
                ? "        NULL;\n"
                : guarded(
                        "SELECT (" + t.up() + ") INTO NEW." + quote(t.newColumn())
                                + " FROM (SELECT (NEW).*) AS written;",
                        "'A row of %s written by the application of the revision before gives the column %s of"
                                + " revision " + escaped(t.revision()) + " (%s) a value it cannot hold: %s', " + table
                                + ", " + string(t.column()) + ", " + typeOf(t.newColumn()) + ", SQLERRM",
                        "'Say what the new column receives from such a row with the online change''s up"
                                + " expression, as in OnlineChange.alterColumn("
                                + javaString(t.table().name()) + ", "
                                + javaString(t.column()) + ").type(...).up(\"<SQL over the old value>\").'");
        return "CREATE OR REPLACE FUNCTION " + quote(t.function()) + "() RETURNS trigger LANGUAGE plpgsql AS " + BODY
                + "\n"
                + "#variable_conflict use_column\n"
                + "BEGIN\n"
                + "    IF btrim(split_part(current_setting('search_path'), ',', 1), ' \"') = "
                + VersionViews.sql("TG_TABLE_SCHEMA", t.revision()) + " THEN\n"
                + fromNew
                + "    ELSE\n"
                + fromOld
                + "    END IF;\n"
                + "    RETURN NEW;\n"
                + "END\n"
                + BODY;
    }

    /**
     * {@code statement} in a block that turns a data exception (a value out of range, too long, not of
     * the type) into one that says which column and what to do. The block writes nothing itself, so its
     * subtransaction takes no transaction id.
     */
    private static String guarded(String statement, String message, String hint) {
        return "        BEGIN\n"
                + "            " + statement + "\n"
                + "        EXCEPTION WHEN data_exception THEN\n"
                + "            RAISE EXCEPTION USING ERRCODE = SQLSTATE, MESSAGE = format(" + message + "), HINT = "
                + hint + ";\n"
                + "        END;\n";
    }

    /** The type of {@code column} of the trigger's table, as SQL. */
    private static String typeOf(String column) {
        return "(SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = TG_RELID AND attname = "
                + string(column) + ")";
    }

    /** {@code text} inside a string literal of the function's body. */
    private static String escaped(String text) {
        return text.replace("'", "''").replace("%", "%%");
    }

    /** {@code "text"}: a Java string literal as a hint spells it, inside a string literal of the body. */
    private static String javaString(String text) {
        return ("\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").replace("'", "''");
    }

    private static String syncTrigger(OnlineOp.SyncTrigger t) {
        return "DO " + BODY + "\n"
                + "BEGIN\n"
                + "    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = " + string(quote(t.table()))
                + "::regclass AND tgname = " + string(t.trigger()) + ") THEN\n"
                + "        CREATE TRIGGER " + quote(t.trigger()) + " BEFORE INSERT OR UPDATE ON " + quote(t.table())
                + " FOR EACH ROW EXECUTE FUNCTION " + quote(t.function()) + "();\n"
                + "    END IF;\n"
                + "END\n"
                + BODY;
    }

    private static String createViews(OnlineOp.CreateVersionViews v) {
        List<String> columns = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        for (OnlineChange change : v.changes()) {
            String schema = schema(change.table());
            String table = string(change.table().name());
            if (change instanceof OnlineChange.AlterColumn a) {
                // hidden, and the new column shown in its place, under its new name when it is renamed too
                String shown = renamedTo(v.changes(), a).orElse(a.column());
                columns.add(row(schema, table, string(a.column()), "NULL", "NULL"));
                columns.add(row(schema, table, string(a.newColumn()), string(shown), string(a.column())));
            } else if (change instanceof OnlineChange.RenameColumn r && !replaced(v.changes(), r)) {
                columns.add(row(schema, table, string(r.column()), string(r.newName()), "NULL"));
            } else if (change instanceof OnlineChange.DropColumn d) {
                columns.add(row(schema, table, string(d.column()), "NULL", "NULL"));
            } else if (change instanceof OnlineChange.RenameTable r) {
                tables.add(row(schema, table, string(r.newName())));
            }
        }
        String columnMap = columns.isEmpty()
                ? "(SELECT NULL::text, NULL::text, NULL::text, NULL::text, NULL::text WHERE false)"
                : "(VALUES " + String.join(", ", columns) + ")";
        String tableMap = tables.isEmpty()
                ? "(SELECT NULL::text, NULL::text, NULL::text WHERE false)"
                : "(VALUES " + String.join(", ", tables) + ")";
        return "DO " + BODY + "\n"
                + "DECLARE\n"
                + "    s text;\n"
                + "    v text;\n"
                + "    t record;\n"
                + "    g record;\n"
                + "    cols text;\n"
                + "    security text := CASE WHEN current_setting('server_version_num')::int >= 150000"
                + " THEN ' WITH (security_invoker = true)' ELSE '' END;\n"
                + "BEGIN\n"
                + "    FOREACH s IN ARRAY " + schemas(v.changes()) + " LOOP\n"
                + "        v := " + VersionViews.sql("s", v.revision()) + ";\n"
                + "        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', v);\n"
                + "        EXECUTE format('CREATE SCHEMA %I', v);\n"
                + "        EXECUTE format('COMMENT ON SCHEMA %I IS %L', v, "
                + string(VIEWS_COMMENT + v.revision() + " of schema ")
                + " || s);\n"
                + "        FOR g IN SELECT a.grantee FROM pg_namespace n, aclexplode(n.nspacl) a\n"
                + "                 WHERE n.nspname = s AND a.privilege_type = 'USAGE' AND a.grantee <> n.nspowner LOOP\n"
                + "            EXECUTE format('GRANT USAGE ON SCHEMA %I TO %s', v,"
                + " CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE g.grantee::regrole::text END);\n"
                + "        END LOOP;\n"
                + "        FOR t IN SELECT c.oid, c.relname, c.relowner, c.relacl, coalesce(r.new_name, c.relname) AS shown\n"
                + "                 FROM pg_class c\n"
                + "                 LEFT JOIN " + tableMap
                + " AS r(sch, tbl, new_name) ON r.sch = s AND r.tbl = c.relname\n"
                + "                 WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = s)\n"
                + "                   AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition\n"
                + "                 ORDER BY c.relname LOOP\n"
                + "            SELECT string_agg(format('%I AS %I', a.attname, coalesce(m.shown, a.attname)), ', '"
                + " ORDER BY coalesce(p.attnum, a.attnum)) INTO cols\n"
                + "            FROM pg_attribute a\n"
                + "            LEFT JOIN " + columnMap + " AS m(sch, tbl, col, shown, place)\n"
                + "              ON m.sch = s AND m.tbl = t.relname AND m.col = a.attname\n"
                + "            LEFT JOIN pg_attribute p ON p.attrelid = t.oid AND p.attname = m.place\n"
                + "            WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped\n"
                + "              AND (m.col IS NULL OR m.shown IS NOT NULL);\n"
                + "            CONTINUE WHEN cols IS NULL;\n"
                + "            EXECUTE format('CREATE VIEW %I.%I%s AS SELECT %s FROM %I.%I', v, t.shown, security, cols, s,"
                + " t.relname);\n"
                + "            FOR g IN SELECT a.grantee, a.privilege_type FROM aclexplode(t.relacl) a"
                + " WHERE a.grantee <> t.relowner LOOP\n"
                + "                EXECUTE format('GRANT %s ON %I.%I TO %s', g.privilege_type, v, t.shown,"
                + " CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE g.grantee::regrole::text END);\n"
                + "            END LOOP;\n"
                + "        END LOOP;\n"
                + "    END LOOP;\n"
                + "END\n"
                + BODY;
    }

    /** The new name of a column an online change replaces, when the revision renames it too. */
    private static Optional<String> renamedTo(List<OnlineChange> changes, OnlineChange.AlterColumn altered) {
        return changes.stream()
                .filter(c -> c instanceof OnlineChange.RenameColumn r
                        && r.table().equals(altered.table())
                        && r.column().equals(altered.column()))
                .map(c -> ((OnlineChange.RenameColumn) c).newName())
                .findFirst();
    }

    /** Whether the column a rename names is replaced by an online change of the same revision. */
    private static boolean replaced(List<OnlineChange> changes, OnlineChange.RenameColumn renamed) {
        return changes.stream()
                .anyMatch(c -> c instanceof OnlineChange.AlterColumn a
                        && a.table().equals(renamed.table())
                        && a.column().equals(renamed.column()));
    }

    /** {@code (a, b, c)}: a row of a VALUES list. */
    private static String row(String... values) {
        return "(" + String.join(", ", values) + ")";
    }

    private static String dropViews(OnlineOp.DropVersionViews v) {
        return "DO " + BODY + "\n"
                + "DECLARE\n"
                + "    s text;\n"
                + "BEGIN\n"
                + "    FOREACH s IN ARRAY " + schemas(v.changes()) + " LOOP\n"
                + "        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', "
                + VersionViews.sql("s", v.revision()) + ");\n"
                + "    END LOOP;\n"
                + "END\n"
                + BODY;
    }

    /** {@code ARRAY['public', current_schema()]}: the schemas the changes touch, the search path's first for none. */
    private static String schemas(List<OnlineChange> changes) {
        Set<String> schemas = new LinkedHashSet<>();
        for (OnlineChange change : changes) {
            schemas.add(schema(change.table()));
        }
        StringJoiner array = new StringJoiner(", ", "ARRAY[", "]::text[]");
        schemas.forEach(array::add);
        return array.toString();
    }

    private static String schema(QualifiedName table) {
        @Nullable String schema = table.schema();
        return schema == null ? "current_schema()" : string(schema);
    }
}
