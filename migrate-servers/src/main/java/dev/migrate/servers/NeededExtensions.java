package dev.migrate.servers;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extensions a schema needs from the server it is replayed on, read from its SQL: those it creates ({@code
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
    /** A column of one of pgvector's types: a name, then the type with its dimensions. */
    private static final Pattern VECTOR_TYPE =
            Pattern.compile("(?i)[\\w\"]\\s+(?:\\w+\\.)?(?:vector|halfvec|sparsevec)\\s*\\(\\s*\\d");
    /** A column of one of PostGIS's types: a name, then the type, with its subtype or alone. */
    private static final Pattern POSTGIS_TYPE = Pattern.compile("(?i)[\\w\"]\\s+(?:\\w+\\.)?(?:geometry|geography)"
            + "(?:\\s*\\(\\s*[a-z]|\\s*(?:\\[\\]|,|\\)|NOT\\b|NULL\\b|DEFAULT\\b|$))");

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
     * PostgreSQL's contrib modules, which the embedded binaries carry: what is taken when their archive cannot be
     * read where this runs (the plugin's class realm has no XZ decoder).
     */
    static final Set<String> CONTRIB = Set.of(
            "amcheck",
            "autoinc",
            "bloom",
            "btree_gin",
            "btree_gist",
            "citext",
            "cube",
            "dblink",
            "dict_int",
            "dict_xsyn",
            "earthdistance",
            "file_fdw",
            "fuzzystrmatch",
            "hstore",
            "insert_username",
            "intagg",
            "intarray",
            "isn",
            "lo",
            "ltree",
            "moddatetime",
            "pageinspect",
            "pg_buffercache",
            "pg_freespacemap",
            "pg_prewarm",
            "pg_stat_statements",
            "pg_surgery",
            "pg_trgm",
            "pg_visibility",
            "pg_walinspect",
            "pgcrypto",
            "pgrowlocks",
            "pgstattuple",
            "plpgsql",
            "postgres_fdw",
            "refint",
            "seg",
            "sslinfo",
            "tablefunc",
            "tcn",
            "tsm_system_rows",
            "tsm_system_time",
            "unaccent",
            "uuid-ossp",
            "xml2");

    /**
     * Whether every one of {@code needed} is a contrib module of PostgreSQL, which every embedded binaries jar
     * carries: {@code NeededExtensions.contribCarries(Set.of("pgcrypto"))} is true, {@code Set.of("vector")} false.
     */
    public static boolean contribCarries(Set<String> needed) {
        return CONTRIB.containsAll(needed);
    }

    /**
     * The extensions a zonky binaries jar carries ({@code share/postgresql/extension/<name>.control} in its
     * archive), read without unpacking it; PostgreSQL's contrib modules where the archive cannot be read here.
     */
    public static Set<String> inBinariesJar(Path jar) {
        try {
            return BinariesArchive.extensions(jar); // its own class: loading this one needs no XZ decoder
        } catch (LinkageError e) {
            return CONTRIB;
        }
    }
}
