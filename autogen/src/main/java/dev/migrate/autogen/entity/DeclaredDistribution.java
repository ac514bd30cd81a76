package dev.migrate.autogen.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an entity class says a Citus coordinator spreads its table ({@code @Distributed}, {@code
 * @ReferenceTable} of {@code migrate-annotations}), as the {@link EntityDdlBridge} finds it in the project's
 * classes: the table still named as the entity names it (the provider's naming strategy decides the rest).
 * The bridge hands it back among the DDL statements, as one line of its own ({@link #line()}), which {@link
 * #split} takes out again: the DDL and its caches stay one list of strings.
 *
 * @param kind whether the table is distributed by a column or a reference table
 * @param entityClass the entity's class name, for messages
 * @param entityName the entity's name ({@code @Entity(name)}, else the class's simple name)
 * @param tableSchema the schema of {@code @Table(schema)}; empty when the entity names none
 * @param tableName the name of {@code @Table(name)}; empty when the entity names none
 * @param column the distribution column; empty for a reference table
 * @param colocateWith the table whose shards this one's go with; empty for a group of its own
 * @param shardCount the shard count of a group of its own
 */
public record DeclaredDistribution(
        Kind kind,
        String entityClass,
        String entityName,
        String tableSchema,
        String tableName,
        String column,
        String colocateWith,
        int shardCount) {
    /** How the entity's table is spread. */
    public enum Kind {
        DISTRIBUTED,
        REFERENCE
    }

    /** What starts the line of a declared distribution among the DDL statements: a comment to any SQL reader. */
    public static final String PREFIX = "-- migrate:distribution\t";

    public DeclaredDistribution {
        Objects.requireNonNull(kind, "kind");
        for (String field : List.of(entityClass, entityName, tableSchema, tableName, column, colocateWith)) {
            if (field.contains("\t") || field.contains("\n")) {
                throw new IllegalArgumentException("The entity " + entityClass
                        + " names its table, distribution column or colocated table with a tab or a line break: '"
                        + field + "'. Name them as the database does.");
            }
        }
    }

    /** The form in which {@link EntityDdlBridge} hands it back among the statements. */
    public String line() {
        return PREFIX
                + String.join(
                        "\t",
                        kind.name(),
                        entityClass,
                        entityName,
                        tableSchema,
                        tableName,
                        column,
                        colocateWith,
                        Integer.toString(shardCount));
    }

    /** Whether {@code statement} is a {@link #line()}. */
    public static boolean isLine(String statement) {
        return statement.startsWith(PREFIX);
    }

    /** Reads a {@link #line()} back. */
    public static DeclaredDistribution parse(String line) {
        String[] f = line.substring(PREFIX.length()).split("\t", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException("Not a declared distribution: " + line);
        }
        return new DeclaredDistribution(Kind.valueOf(f[0]), f[1], f[2], f[3], f[4], f[5], f[6], Integer.parseInt(f[7]));
    }

    /**
     * The entity DDL as the provider wrote it, and the distributions the entities declare, from the list
     * {@link EntityDdl#generate} returns.
     */
    public static Split split(List<String> statements) {
        List<String> ddl = new ArrayList<>();
        List<DeclaredDistribution> declared = new ArrayList<>();
        for (String statement : statements) {
            if (isLine(statement)) {
                declared.add(parse(statement));
            } else {
                ddl.add(statement);
            }
        }
        return new Split(ddl, declared);
    }

    /** The statements of the entity DDL and the distributions declared beside them. */
    public record Split(List<String> ddl, List<DeclaredDistribution> declared) {
        public Split {
            ddl = List.copyOf(ddl);
            declared = List.copyOf(declared);
        }
    }
}
