package dev.migrate.autogen.objects;

import dev.migrate.MigrateException;
import dev.migrate.catalog.ExtensionVersions;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The objects beside tables that a project declares: the statements of every {@code .sql} file under its
 * objects directory ({@code src/main/resources/db/objects/}), in any layout and any order. They are the
 * desired state of the views, functions, triggers, policies, types and extensions of the managed
 * schemas, as the entities are of the tables: applied on a new database after the tables, read back
 * from its catalog and compared with the database's. A project without the directory declares none,
 * and the objects of its database are left as they are.
 *
 * @param directory where they were read from, or {@code null} when the project has no such directory
 * @param statements every statement of every file, files in the order of their paths
 */
public record DeclaredObjects(@Nullable Path directory, List<DeclaredStatement> statements) {
    public DeclaredObjects {
        statements = List.copyOf(statements);
    }

    /** A project without an objects directory: the objects of the database are not its own. */
    public static DeclaredObjects none() {
        return new DeclaredObjects(null, List.of());
    }

    /** {@code CREATE EXTENSION [IF NOT EXISTS] name ...}: the name, group 1 or (quoted) group 2; the rest, group 3. */

    /**
     * The extensions the files create without stating a version ({@code CREATE EXTENSION IF NOT EXISTS
     * pgcrypto}), as the catalog names them: whichever version the server installs is the project's, so
     * the version is neither written into a migration nor compared. One whose version is stated is not here.
     */
    public Set<String> unversionedExtensions() {
        return ExtensionVersions.unstated(
                statements.stream().map(DeclaredStatement::sql).toList());
    }

    /** Whether the project has an objects directory, so every object of the managed schemas is its own. */
    public boolean managed() {
        return directory != null;
    }

    /**
     * The statements of the {@code .sql} files under {@code directory} (an empty directory declares that
     * the managed schemas have no objects beside tables); {@link #none()} when it does not exist.
     *
     * @param shownAs how the directory is named in messages ({@code src/main/resources/db/objects})
     */
    public static DeclaredObjects in(Path directory, String shownAs) {
        if (!Files.isDirectory(directory)) {
            if (Files.exists(directory)) {
                throw new MigrateException("The objects directory " + shownAs
                        + " is a file: make it a directory of .sql files, or point <objectsDirectory> elsewhere.");
            }
            return none();
        }
        List<DeclaredStatement> statements = new ArrayList<>();
        try {
            for (Path file : sqlFiles(directory)) {
                statements.addAll(
                        split(shown(directory, shownAs, file), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new MigrateException("Could not read the declared objects in " + shownAs + ": " + e.getMessage(), e);
        }
        return new DeclaredObjects(directory, statements);
    }

    /** Every {@code .sql} file under {@code directory}, at any depth, in the order of their paths. */
    static List<Path> sqlFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }

    /** {@code file} as messages name it: under {@code shownAs}, the name of {@code directory}. */
    static String shown(Path directory, String shownAs, Path file) {
        return shownAs + "/" + directory.relativize(file).toString().replace('\\', '/');
    }

    /** These objects with {@code more} after them, from {@code directory} when these come from none. */
    public DeclaredObjects and(Path directory, List<DeclaredStatement> more) {
        List<DeclaredStatement> all = new ArrayList<>(statements);
        all.addAll(more);
        return new DeclaredObjects(this.directory == null ? directory : this.directory, all);
    }

    /**
     * The statements of {@code text}, split at each semicolon that ends one: not one in a string, a
     * quoted name, a comment, a dollar-quoted body or the {@code BEGIN ATOMIC ... END} of a function.
     */
    public static List<DeclaredStatement> split(String file, String text) {
        List<DeclaredStatement> statements = new ArrayList<>();
        List<SqlToken> tokens = SqlLexer.tokens(text);
        Lines lines = new Lines(text);
        int first = -1;
        int atomic = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (first < 0) {
                if (token.is(";")) {
                    continue;
                }
                first = i;
            }
            if (token.isWord("begin")
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).isWord("atomic")) {
                atomic++;
            } else if (atomic > 0 && token.isWord("case")) {
                atomic++;
            } else if (atomic > 0 && token.isWord("end")) {
                atomic--;
            } else if (atomic == 0 && token.is(";")) {
                statements.add(statement(file, text, lines, tokens.get(first), token.start()));
                first = -1;
            }
        }
        if (first >= 0) {
            statements.add(statement(file, text, lines, tokens.get(first), text.length()));
        }
        return statements;
    }

    private static DeclaredStatement statement(String file, String text, Lines lines, SqlToken first, int end) {
        return new DeclaredStatement(
                file,
                lines.at(first.start()),
                text.substring(first.start(), end).strip());
    }

    /**
     * The line of each offset, counted on from the last one asked for: statements come in order, so a
     * file is read once rather than from its start for each statement.
     */
    private static final class Lines {
        private final String text;
        private int offset;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        /** The line of {@code at}, which is not before the offset asked for last. */
        int at(int at) {
            for (; offset < at; offset++) {
                if (text.charAt(offset) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
