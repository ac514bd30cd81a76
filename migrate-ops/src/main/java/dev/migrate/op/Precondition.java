package dev.migrate.op;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a revision's {@link SqlOp.Guard} asks of the database it runs on before its changes, as a
 * Liquibase {@code <preConditions>} block asks it: only that database can answer, so the answer is
 * found when the revision runs, in its transaction. Names are compared as the catalog spells them
 * (PostgreSQL folds unquoted names to lower case); an object without a schema is looked for in the
 * session's current schema, the first of the search path, where Liquibase looks.
 */
public sealed interface Precondition {

    /** A table (plain or partitioned) of that name exists. */
    record TableExists(QualifiedName table) implements Precondition {
        public TableExists {
            Objects.requireNonNull(table, "table");
        }
    }

    /** The table has a column of that name. */
    record ColumnExists(QualifiedName table, String column) implements Precondition {
        public ColumnExists {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }
    }

    /**
     * An index exists: by its name, or on the table with those key columns in that order, or both.
     *
     * @param schema the schema of the index and its table, or {@code null} for the current schema
     * @param index the index's name, or {@code null} to find it by its table and columns
     * @param table the indexed table, or {@code null} for any
     * @param columns the key columns in order, or empty for any
     */
    record IndexExists(
            @Nullable String schema,
            @Nullable String index,
            @Nullable String table,
            List<String> columns) implements Precondition {
        public IndexExists {
            columns = List.copyOf(columns);
            if (index == null && table == null) {
                throw new IllegalArgumentException(
                        "An indexExists precondition needs the index's name, or its table"
                                + " (and columns): name one, such as new IndexExists(null, \"person_id_idx\", null, List.of()).");
            }
        }
    }

    /** A view (plain or materialized) of that name exists. */
    record ViewExists(QualifiedName view) implements Precondition {
        public ViewExists {
            Objects.requireNonNull(view, "view");
        }
    }

    /** A sequence of that name exists. */
    record SequenceExists(QualifiedName sequence) implements Precondition {
        public SequenceExists {
            Objects.requireNonNull(sequence, "sequence");
        }
    }

    /**
     * A primary key exists: by its name, on the table, or both.
     *
     * @param schema the table's schema, or {@code null} for the current schema
     * @param table the table, or {@code null} for any
     * @param name the constraint's name, or {@code null} for any
     */
    record PrimaryKeyExists(
            @Nullable String schema,
            @Nullable String table,
            @Nullable String name) implements Precondition {
        public PrimaryKeyExists {
            if (table == null && name == null) {
                throw new IllegalArgumentException("A primaryKeyExists precondition needs the table or the key's"
                        + " name: name one, such as new PrimaryKeyExists(null, \"person\", null).");
            }
        }
    }

    /**
     * A foreign key of that name exists, on the table when it is named.
     *
     * @param schema the table's schema, or {@code null} for the current schema
     * @param table the referencing table, or {@code null} for any
     */
    record ForeignKeyExists(
            @Nullable String schema, @Nullable String table, String name) implements Precondition {
        public ForeignKeyExists {
            Objects.requireNonNull(name, "foreign key name");
        }
    }

    /**
     * A query returns one value whose text is {@code expected}, as Liquibase's {@code sqlCheck} compares
     * it: {@code SELECT count(*) FROM person} with {@code 0}. The text is PostgreSQL's own, as the JDBC driver
     * gives it to Liquibase ({@code t} for a true boolean, a {@code char(n)} padded); a null value fails the
     * check; no row, or more than one, is an error, which the guard's {@code onError} decides.
     */
    record SqlCheck(String query, String expected) implements Precondition {
        public SqlCheck {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(expected, "expected result");
            if (query.isBlank()) {
                throw new IllegalArgumentException("A sqlCheck precondition needs a query returning one value, such"
                        + " as SELECT count(*) FROM person.");
            }
        }
    }

    /** The table holds exactly {@code rows} rows. */
    record RowCount(QualifiedName table, long rows) implements Precondition {
        public RowCount {
            Objects.requireNonNull(table, "table");
        }
    }

    /** The table holds no row. */
    record TableIsEmpty(QualifiedName table) implements Precondition {
        public TableIsEmpty {
            Objects.requireNonNull(table, "table");
        }
    }

    /**
     * Liquibase ran a changeset, as its {@code changeSetExecuted} asks: Liquibase's history table exists on the
     * database and its first row for the changeset (by date and order executed, as Liquibase reads them) says it
     * was executed, run again or marked ran ({@code EXECTYPE} {@code EXECUTED}, {@code RERAN} or {@code MARK_RAN};
     * a {@code FAILED} or {@code SKIPPED} row did not run). Where there is no such table, Liquibase never ran there,
     * and the changeset did not run. Id and author compare ignoring case, and the file as Liquibase's
     * {@code RanChangeSet.isSameAs} compares it: both paths normalized (without {@code classpath:}, a drive letter
     * or a leading {@code /}, with {@code /} for {@code \}, without {@code .} segments, repeated or trailing
     * {@code /}), then ignoring case.
     *
     * @param history Liquibase's history table, {@code databasechangelog} in the changelog schema unless the
     *     project names others; without a schema it is looked for in the current schema
     * @param file the changelog file the changeset is recorded under, as the precondition's {@code changeLogFile}
     *     names it ({@code changelog-3.3})
     * @param id the changeset's id
     * @param author the changeset's author
     */
    record LiquibaseChangeSetRan(QualifiedName history, String file, String id, String author) implements Precondition {
        public LiquibaseChangeSetRan {
            Objects.requireNonNull(history, "history table");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(author, "author");
            if (file.isBlank() || id.isBlank()) {
                throw new IllegalArgumentException("A changeSetExecuted precondition needs the changeset's changelog"
                        + " file and id: name both, such as new LiquibaseChangeSetRan(QualifiedName.parse("
                        + "\"databasechangelog\"), \"changelog-3.3\", \"changelog-3.3\", \"author\").");
            }
        }
    }

    /** Every one holds (Liquibase's {@code <and>}, and a {@code <preConditions>} block's own list). */
    record And(List<Precondition> all) implements Precondition {
        public And {
            all = List.copyOf(all);
            if (all.isEmpty()) {
                throw new IllegalArgumentException("An and precondition needs at least one precondition inside.");
            }
        }
    }

    /** At least one holds. */
    record Or(List<Precondition> any) implements Precondition {
        public Or {
            any = List.copyOf(any);
            if (any.isEmpty()) {
                throw new IllegalArgumentException("An or precondition needs at least one precondition inside.");
            }
        }
    }

    /** It does not hold ({@code <not>} of several is {@code And} of each one's {@code Not}, as Liquibase has it). */
    record Not(Precondition precondition) implements Precondition {
        public Not {
            Objects.requireNonNull(precondition, "precondition");
        }
    }

    /**
     * What the revision does when its precondition does not hold (Liquibase's {@code onFail}), or when it cannot
     * be evaluated (Liquibase's {@code onError}, whose outcomes are the same four).
     */
    enum OnFail {
        /** The run fails with the guard's message; nothing of the revision is applied. */
        HALT,
        /** The run stops before the revision and leaves it pending, to be tried again by the next run. */
        CONTINUE,
        /** The revision is recorded as applied without running its changes, and the history says so. */
        MARK_RAN,
        /** The run warns with the guard's message and applies the revision. */
        WARN
    }
}
