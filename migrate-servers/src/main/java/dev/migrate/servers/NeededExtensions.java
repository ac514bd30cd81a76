package dev.migrate.servers;

import dev.migrate.op.ColumnOp;
import dev.migrate.op.ObjectDefinition;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableOp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extensions a schema needs from the server it is replayed on, read from a chain's operations ({@link #of}) or
 * from SQL, such as entity DDL ({@link #in}): those it creates ({@code
 * CREATE EXTENSION vector}) and those whose types its columns use without creating them ({@code vector(3)}, {@code
 * halfvec}, {@code sparsevec} need {@code vector}; {@code geometry} and {@code geography} need {@code postgis}), as
 * entity DDL does; and which of them a server's binaries lack.
 *
 * <pre>{@code
 * Set<String> needed = NeededExtensions.in(List.of("CREATE TABLE doc (embedding vector(3))"));  // [vector]
 * }</pre>
 */
public final class NeededExtensions {
    private static final Pattern CREATE = Pattern.compile(
            "(?i)\\bCREATE\\s+EXTENSION\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][\\w-]*))");
    /** One of pgvector's types, with its dimensions. */
    private static final String VECTOR = "(?:\\w+\\.)?(?:vector|halfvec|sparsevec)\\s*\\(\\s*\\d";
    /** One of PostGIS's types, with its subtype or alone. */
    private static final String POSTGIS = "(?:\\w+\\.)?(?:geometry|geography)"
            + "(?:\\s*\\(\\s*[a-z]|\\s*(?:\\[\\]|,|\\)|NOT\\b|NULL\\b|DEFAULT\\b|$))";
    /** A column of one of pgvector's types in SQL: a name, then the type. */
    private static final Pattern VECTOR_TYPE = Pattern.compile("(?i)[\\w\"]\\s+" + VECTOR);
    /** A column of one of PostGIS's types in SQL: a name, then the type. */
    private static final Pattern POSTGIS_TYPE = Pattern.compile("(?i)[\\w\"]\\s+" + POSTGIS);
    /** A column's type that is pgvector's, as an operation holds it. */
    private static final Pattern VECTOR_COLUMN = Pattern.compile("(?i)\\s*" + VECTOR);
    /** A column's type that is PostGIS's, as an operation holds it. */
    private static final Pattern POSTGIS_COLUMN = Pattern.compile("(?i)\\s*" + POSTGIS);

    private NeededExtensions() {}

    /** The extensions {@code statements} create or whose types they use, by name, sorted. */
    public static Set<String> in(Collection<String> statements) {
        Set<String> names = new TreeSet<>();
        for (String sql : statements) {
            Matcher create = CREATE.matcher(sql);
            while (create.find()) {
                names.add(
                        create.group(1) != null
                                ? create.group(1).replace("\"\"", "\"")
                                : create.group(2).toLowerCase(Locale.ROOT));
            }
            if (VECTOR_TYPE.matcher(sql).find()) {
                names.add("vector");
            }
            if (POSTGIS_TYPE.matcher(sql).find()) {
                names.add("postgis");
            }
        }
        names.remove("plpgsql");
        return names;
    }

    /**
     * The extensions {@code ops} create or whose types their columns use, by name, sorted, read from the
     * operations without rendering them: the extensions a migration creates ({@code op.createObject} of an
     * extension), the types of the columns it creates or changes, and, in the SQL it runs as written ({@code
     * op.execute}, a view's or a domain's definition), what {@link #in} finds there.
     *
     * <pre>{@code
     * Set<String> needed = NeededExtensions.of(MigratorTools.of(chain).operations());
     * }</pre>
     */
    public static Set<String> of(Collection<? extends Op> ops) {
        Set<String> names = new TreeSet<>();
        List<String> written = new ArrayList<>();
        for (Op op : ops) {
            if (op instanceof ObjectOp.CreateObject create) {
                object(create.definition(), names, written);
            } else if (op instanceof ObjectOp.ReplaceObject replace) {
                object(replace.to(), names, written);
            } else if (op instanceof SqlOp.Execute execute) {
                written.add(execute.sql());
            } else if (op instanceof TableOp.CreateTable table) {
                table.columns().forEach(column -> typed(column.type(), names));
            } else if (op instanceof ColumnOp.AddColumn add) {
                typed(add.column().type(), names);
            } else if (op instanceof ColumnOp.AlterColumnType alter) {
                typed(alter.type(), names);
            } else if (op instanceof OnlineOp.DuplicateColumn duplicate && duplicate.type() != null) {
                typed(duplicate.type(), names);
            } // the others create no extension and name no column type
        }
        names.addAll(in(written));
        names.remove("plpgsql");
        return names;
    }

    private static void object(ObjectDefinition definition, Set<String> names, List<String> written) {
        if (definition.kind() == ObjectKind.EXTENSION) {
            String identity = definition.identity();
            names.add(
                    identity.startsWith("\"")
                            ? identity.substring(1, identity.length() - 1).replace("\"\"", "\"")
                            : identity.toLowerCase(Locale.ROOT));
        } else {
            written.add(definition.sql());
        }
    }

    /** The extension a column's type needs: pgvector's types with their dimensions, PostGIS's. */
    private static void typed(String type, Set<String> names) {
        // pgvector's type names hold "vec", PostGIS's "geo": most of a model's column types are let go before the
        // patterns are tried
        String lower = type.toLowerCase(Locale.ROOT);
        if (!lower.contains("vec") && !lower.contains("geo")) {
            return;
        }
        if (VECTOR_COLUMN.matcher(type).lookingAt()) {
            names.add("vector");
        } else if (POSTGIS_COLUMN.matcher(type).lookingAt()) {
            names.add("postgis");
        }
    }

    /**
     * The extensions a zonky binaries jar carries ({@code share/postgresql/extension/<name>.control} in its
     * archive), read without unpacking it; PostgreSQL's contrib modules where the archive cannot be read here.
     */
    public static Set<String> inBinariesJar(Path jar) {
        try {
            return BinariesArchive.extensions(jar); // its own class: loading this one needs no XZ decoder
        } catch (LinkageError e) {
            return PostgresBinaries.CONTRIB;
        }
    }
}
