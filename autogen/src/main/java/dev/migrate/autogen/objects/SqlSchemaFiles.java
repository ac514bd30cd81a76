package dev.migrate.autogen.objects;

import dev.migrate.MigrateException;
import dev.migrate.autogen.cache.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A schema kept as SQL files ({@code src/main/resources/db/schema/**}{@code /*.sql}), the desired state of the
 * managed schema in place of entities: tables, indexes, constraints, types, sequences, views, functions, comments,
 * whatever {@code pg_dump -s} writes, in any files and any order. They are applied as declared statements are, on a
 * new database in rounds until a round applies nothing more (so the tool, not the file names, orders them), and read
 * back from its catalog; a statement that never applies is named by file and line.
 *
 * <p>What sets up a {@code pg_dump} session rather than declares an object ({@code SET}, {@code SELECT
 * pg_catalog.set_config(...)}, {@code ALTER ... OWNER TO}, psql's backslash commands) is left out. A rename is
 * declared by a comment on the line of the table or column under its new name: {@code -- migrate:renamed-from
 * old_name}.
 *
 * <pre>{@code
 * SqlSchemaFiles files = SqlSchemaFiles.in(project.resolve("src/main/resources/db/schema"), "db/schema");
 * }</pre>
 *
 * @param directory where the files are
 * @param statements every statement of every file, files in the order of their paths
 * @param renames the renames the comments declare: {@code old_table=new_table}, {@code old_table.old_column=new_column}
 * @param key a hash of the files' paths and contents
 */
public record SqlSchemaFiles(
        Path directory, List<DeclaredStatement> statements, Map<String, String> renames, String key) {
    /** The comment that declares a rename, on the line of the table or column under its new name. */
    public static final String RENAMED_FROM = "migrate:renamed-from";

    private static final Pattern HINT = Pattern.compile("--\\s*" + RENAMED_FROM + "\\s+(\\S+)");
    private static final String NAME = "(?:\"[^\"]+\"|[\\w$]+)";
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate\\s+(?:(?:unlogged|temp|temporary)\\s+)?"
            + "table\\s+(?:if\\s+not\\s+exists\\s+)?(" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)");
    private static final Pattern COLUMN = Pattern.compile("^\\s*,?\\s*(" + NAME + ")\\s");
    private static final Set<String> NOT_COLUMNS =
            Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");
    /** What sets up a session of pg_dump's script rather than declares an object. */
    private static final Pattern SESSION = Pattern.compile("(?is)\\s*(set|reset)\\s.*|\\s*select\\s+pg_catalog\\."
            + "set_config\\s*\\(.*|\\s*alter\\s.*\\sowner\\s+to\\s+[^\\s]+\\s*|\\s*(create|comment\\s+on)\\s+schema\\s+"
            + "(if\\s+not\\s+exists\\s+)?public\\b.*");
    /** psql's backslash commands ({@code \restrict} of pg_dump 17.6 and later): not SQL. */
    private static final Pattern PSQL_COMMAND = Pattern.compile("(?m)^\\\\[^\\n]*$");

    public SqlSchemaFiles {
        statements = List.copyOf(statements);
        renames = Map.copyOf(renames);
    }

    /** Whether {@code directory} holds a {@code .sql} file, at any depth. */
    public static boolean present(Path directory) {
        try {
            return Files.isDirectory(directory)
                    && !DeclaredObjects.sqlFiles(directory).isEmpty();
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The files under {@code directory}; an error naming the directory and the setting when it holds none.
     *
     * @param shownAs how messages name the directory ({@code src/main/resources/db/schema})
     */
    public static SqlSchemaFiles in(Path directory, String shownAs) {
        List<Path> files;
        try {
            files = Files.isDirectory(directory) ? DeclaredObjects.sqlFiles(directory) : List.of();
        } catch (IOException | UncheckedIOException e) {
            throw new MigrateException("Could not read the schema files in " + shownAs + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new MigrateException("The schema source is sql, but " + shownAs + " holds no .sql file. Write the"
                    + " schema there (migrate:baseline -Dmigrate.source=sql writes it from a database), point"
                    + " migrate.source.sql.dir at the files, or choose another migrate.source.");
        }
        Fingerprint key = new Fingerprint().field("sql schema files");
        List<DeclaredStatement> statements = new ArrayList<>();
        Map<String, String> renames = new LinkedHashMap<>();
        for (Path file : files) {
            String name = DeclaredObjects.shown(directory, shownAs, file);
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MigrateException("Could not read the schema file " + name + ": " + e.getMessage(), e);
            }
            key.field(directory.relativize(file).toString().replace('\\', '/')).field(text);
            // psql's commands blanked, not removed, so that every line keeps its number
            for (DeclaredStatement statement :
                    DeclaredObjects.split(name, PSQL_COMMAND.matcher(text).replaceAll(""))) {
                if (!SESSION.matcher(statement.sql()).matches()) {
                    statements.add(statement);
                    renames.putAll(renames(statement));
                }
            }
        }
        return new SqlSchemaFiles(directory, statements, renames, key.hex());
    }

    /** The renames the comments of {@code statement} declare, each on the line of the new name. */
    static Map<String, String> renames(DeclaredStatement statement) {
        Map<String, String> renames = new LinkedHashMap<>();
        String[] lines = statement.sql().split("\n", -1);
        // a column's rename names its table as the database does: by the old name when the table is renamed too
        @Nullable String table = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher create = CREATE_TABLE.matcher(line);
            @Nullable String created = create.find() ? unqualified(create.group(1)) : null;
            if (created != null) {
                table = created;
            }
            Matcher hint = HINT.matcher(line);
            if (!hint.find()) {
                continue;
            }
            String old = unqualified(hint.group(1));
            String code = line.substring(0, hint.start());
            Matcher column = COLUMN.matcher(code);
            if (created != null) {
                renames.put(old, created);
                table = old;
            } else if (table != null
                    && column.find()
                    && !NOT_COLUMNS.contains(column.group(1).toLowerCase(Locale.ROOT))) {
                renames.put(table + "." + old, unqualified(column.group(1)));
            } else {
                throw new MigrateException("The rename hint in " + statement.file() + " line " + (statement.line() + i)
                        + " is on no table or column: put -- " + RENAMED_FROM + " " + hint.group(1)
                        + " at the end of the CREATE TABLE line of the table, or of the line of the column,"
                        + " under its new name.");
            }
        }
        return renames;
    }

    /** {@code public."Orders"} as the catalog names it: {@code Orders}; an unquoted name in lower case. */
    private static String unqualified(String name) {
        String last = name;
        int dot = lastDotOutsideQuotes(name);
        if (dot >= 0) {
            last = name.substring(dot + 1).strip();
        }
        return last.startsWith("\"") && last.endsWith("\"") && last.length() > 1
                ? last.substring(1, last.length() - 1)
                : last.toLowerCase(Locale.ROOT);
    }

    private static int lastDotOutsideQuotes(String name) {
        boolean quoted = false;
        int dot = -1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                dot = i;
            }
        }
        return dot;
    }

    /**
     * The objects the project declares beside these files ({@code objectsDirectory}), with the statements of
     * these files after them: together, the desired state of the managed schema.
     */
    public DeclaredObjects with(DeclaredObjects objects) {
        return objects.and(directory, statements);
    }
}
