package dev.migrate.lint;

import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import dev.migrate.sql.TypeSpelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a column's type change fails on, as a condition on the column: a pgvector value of another dimension,
 * a PostGIS geometry of another SRID, subtype or coordinate dimension, a text longer than the new length, a number
 * the new precision cannot hold, or (PostgreSQL 16 and later) any value that does not convert. Autogenerate's data
 * measurement and the lint count the rows of the database the change will run on with it, so both say the same:
 * {@code TypeChangeRows.of("embedding", "public.documents.embedding", "vector(1536)", 15)}.
 *
 * @param condition true for a value of the column (quoted in it) that the new type refuses; the column is
 *     not null where it is evaluated
 * @param example an expression showing such a value as text ({@code ST_AsEWKT} for a geometry)
 * @param one what one such value is: {@code value does not have 1536 dimensions}
 * @param many what several are: {@code values do not have 1536 dimensions}
 * @param fix what to do before the type changes, naming the column
 */
public record TypeChangeRows(String condition, String example, String one, String many, String fix) {
    private static final Pattern VARCHAR =
            Pattern.compile("(?:character varying|varchar|character|char)\\s*\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("(?:numeric|decimal)\\s*\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)");
    /** pgvector's dense types with their dimension: a value of another dimension makes the cast fail. */
    private static final Pattern VECTOR =
            Pattern.compile("((?:[a-z_][a-z0-9_]*\\.)?)(vector|halfvec|sparsevec)\\s*\\((\\d+)\\)");
    /**
     * PostGIS's types with a typmod, as {@code format_type} spells them: {@code geometry(Point,4326)}, {@code
     * geography(MultiPolygonZ,4326)}, {@code geometry(Polygon)}.
     */
    private static final Pattern SPATIAL = Pattern.compile(
            "((?:[a-z_][a-z0-9_]*\\.)?)(geometry|geography)\\s*\\(\\s*([a-z]+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\)");
    /**
     * The values of {@code column} that a change to {@code type} fails on; empty where no query can tell without
     * running the change (a type PostgreSQL 15 or earlier converts only by trying).
     *
     * @param column the column's name, unquoted
     * @param subject the column as the messages name it: {@code public.documents.embedding}
     * @param type the new type, as written or as {@code format_type} spells it
     * @param serverMajor the major version of the server the query runs on
     * @return the condition with its words, or empty
     */
    public static Optional<TypeChangeRows> of(String column, String subject, String type, int serverMajor) {
        String quoted = Identifiers.quote(column);
        String target = type.toLowerCase(Locale.ROOT).strip();
        String shown = TypeSpelling.written(type);
        String text = quoted + "::text";
        Matcher vector = VECTOR.matcher(target);
        Matcher spatial = SPATIAL.matcher(target);
        Matcher varchar = VARCHAR.matcher(target);
        Matcher numeric = NUMERIC.matcher(target);
        if (vector.matches()) {
            // pgvector's vector_dims, in the schema of the type; a dimension change does not convert values,
            // which were computed by a model of the old dimension, so they are computed again or cleared first
            int dimensions = Integer.parseInt(vector.group(3));
            // a sparsevec has no vector_dims: its text ends with its dimensions ({1:1.5,7:2}/100)
            String dims = vector.group(2).equals("sparsevec")
                    ? "split_part(" + text + ", '/', 2)::int"
                    : vector.group(1) + "vector_dims(" + quoted + ")";
            return Optional.of(new TypeChangeRows(
                    dims + " <> " + dimensions,
                    text,
                    "value does not have " + dimensions + " dimensions",
                    "values do not have " + dimensions + " dimensions",
                    "compute the values of " + subject + " again with " + dimensions + " dimensions (or set them to"
                            + " NULL) before its type changes"));
        } else if (spatial.matches()) {
            return Optional.of(spatial(spatial, column, subject, shown));
        } else if (varchar.matches()) {
            int length = Integer.parseInt(varchar.group(1));
            return Optional.of(new TypeChangeRows(
                    "length(" + text + ") > " + length,
                    text,
                    "value is longer than " + length + " characters",
                    "values are longer than " + length + " characters",
                    "shorten the values of " + subject + " longer than " + length + " characters before its type"
                            + " changes"));
        } else if (numeric.matches()) {
            int precision = Integer.parseInt(numeric.group(1));
            int scale = numeric.group(2) == null ? 0 : Integer.parseInt(numeric.group(2));
            return Optional.of(new TypeChangeRows(
                    "round(abs(" + quoted + "::numeric), " + scale + ") >= 1e" + (precision - scale),
                    text,
                    "value does not fit " + shown,
                    "values do not fit " + shown,
                    "correct the values of " + subject + " that do not fit " + shown + " before its type changes"));
        } else if (serverMajor >= 16) {
            return Optional.of(new TypeChangeRows(
                    "NOT pg_input_is_valid(" + text + ", " + Literals.string(type) + ")",
                    text,
                    "value does not convert to " + shown,
                    "values do not convert to " + shown,
                    "correct the values of " + subject + " that do not convert to " + shown + " before its type"
                            + " changes"));
        }
        return Optional.empty(); // PostgreSQL 15 and earlier cannot test a conversion without running it
    }

    /**
     * A geometry or geography typmod: PostGIS refuses a value whose SRID differs from the column's (one without an
     * SRID takes the column's), whose kind is not the column's ({@code Point} into {@code Polygon}; a {@code
     * GeometryCollection} column takes the multi kinds too) or whose Z and M coordinates differ from its.
     */
    private static TypeChangeRows spatial(Matcher typmod, String column, String subject, String shown) {
        String schema = typmod.group(1);
        String quoted = Identifiers.quote(column);
        boolean geography = typmod.group(2).equals("geography");
        String geometry = geography ? quoted + "::" + schema + "geometry" : quoted;
        // PostGIS's functions that convert take a geometry: a geography's value goes through one and back
        String back = geography ? "::" + schema + "geography" : "";
        String kind = typmod.group(3);
        int zm = kind.endsWith("zm") ? 3 : kind.endsWith("z") ? 2 : kind.endsWith("m") ? 1 : 0;
        String base = kind.substring(0, kind.length() - (zm == 3 ? 2 : zm == 0 ? 0 : 1));
        int srid = typmod.group(4) == null ? 0 : Integer.parseInt(typmod.group(4));
        List<String> refused = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (srid > 0) {
            refused.add(schema + "ST_SRID(" + geometry + ") NOT IN (0, " + srid + ")");
            fixes.add("transform the values of " + subject + " of another SRID with ST_Transform in the type change"
                    + " (its USING expression: ALTER COLUMN " + quoted + " TYPE " + shown + " USING ST_Transform("
                    + geometry + ", " + srid + ")" + back + ", op.alterColumnType(table, \"" + column + "\", \""
                    + shown + "\", \"ST_Transform(" + geometry.replace("\"", "\\\"") + ", " + srid + ")" + back
                    + "\"))");
        }
        if (!base.equals("geometry")) {
            refused.add("lower(" + schema + "ST_GeometryType(" + geometry + ")) <> " + Literals.string("st_" + base));
        }
        refused.add(schema + "ST_Zmflag(" + geometry + ") <> " + zm);
        if (!base.equals("geometry") || zm > 0) {
            fixes.add("convert the values of another kind in the type change with a USING expression (such as"
                    + " ST_Multi(" + geometry + ")" + back + " for a Multi type, ST_Force2D or ST_Force3D for the Z"
                    + " coordinate),"
                    + " or correct or delete those rows first");
        }
        return new TypeChangeRows(
                String.join(" OR ", refused.stream().map(c -> "(" + c + ")").toList()),
                schema + "ST_AsEWKT(" + geometry + ")",
                "value does not fit " + shown,
                "values do not fit " + shown,
                (fixes.isEmpty() ? "correct the values of " + subject : String.join("; ", fixes))
                        + ", before its type changes");
    }
}
