package dev.migrate.autogen.internal.cache;

import dev.migrate.MigrateException;
import dev.migrate.autogen.cache.Fingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The provider's DDL of the entities kept in the project ({@code entitySnapshot}), under the key of what it was
 * written for ({@link EntitySchemaCache#ddlKey}, the same on every machine): a {@code check} in a clean checkout
 * whose entities, provider and settings are those of the key reads it instead of starting the provider, as a run
 * with {@code target/migrate} does from the entity cache. {@code autogenerate} writes it.
 *
 * <p>One statement a line, ending in {@code ;}, a newline in a statement written {@code \n} and a backslash
 * {@code \\}, so that a change of one entity is a change of its lines and two branches' changes merge.
 */
public final class EntitySnapshot {
    private static final String KEY = "-- key ";
    private static final String STATEMENTS = "-- statements ";
    private static final String HEADER = """
            -- The DDL this project's JPA provider writes for its entities, kept by migrate (entitySnapshot). A check or
            -- autogenerate whose entities, provider and settings are the ones of the key below reads it instead of
            -- starting the provider; with others, the provider runs. autogenerate writes it again. Not to be edited
            -- (statements that are not the ones summed below the key are not read): on a merge conflict, take either
            -- side, and the next autogenerate writes it for the merged entities.
            """;

    private final Path file;

    public EntitySnapshot(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Whether the file is there to be read: when it is not, no key need be made for it. */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * What the file holds for {@code key}: its DDL when it was written for that key and its statements are the ones
     * written (a merge or an edit of them, its key line kept, reads as a miss).
     */
    public Lookup find(String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Lookup.missed("is missing");
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not read the entity snapshot " + file + ": " + e.getMessage()
                            + ". Delete it, and autogenerate writes it again.",
                    e);
        }
        int at = 0;
        while (at < lines.size() && !lines.get(at).startsWith(KEY)) {
            at++;
        }
        if (at + 1 >= lines.size()
                || !lines.get(at).substring(KEY.length()).strip().equals(key)) {
            return Lookup.missed("was written for other entities, provider or settings");
        }
        String statements = lines.get(at + 1);
        List<String> ddl = new ArrayList<>();
        for (String line : lines.subList(at + 2, lines.size())) {
            if (!line.isEmpty()) {
                if (!line.endsWith(";")) {
                    throw new MigrateException("The entity snapshot " + file + " has a line that is no statement"
                            + " ending in ';': " + line + ". Delete the file, and autogenerate writes it again.");
                }
                ddl.add(unescaped(line.substring(0, line.length() - 1)));
            }
        }
        if (!statements.equals(STATEMENTS + sum(ddl))) {
            return Lookup.missed("was edited or merged since autogenerate wrote it");
        }
        return new Lookup(ddl, "");
    }

    /**
     * What {@link #find} found: the DDL, or why there is none, said after the file's name ({@code was written for
     * other entities, provider or settings}).
     */
    public record Lookup(@Nullable List<String> ddl, String missed) {
        static Lookup missed(String why) {
            return new Lookup(null, why);
        }

        public Optional<List<String>> found() {
            return Optional.ofNullable(ddl);
        }
    }

    /** The sum of the statements under the key, so that statements not written with it are not taken for its. */
    private static String sum(List<String> ddl) {
        return new Fingerprint().fields("statements", ddl).hex();
    }

    /** Writes {@code ddl} under {@code key}, unless the file already holds exactly that (its time then kept). */
    public void write(String key, List<String> ddl) {
        StringBuilder text = new StringBuilder(HEADER)
                .append(KEY)
                .append(key)
                .append('\n')
                .append(STATEMENTS)
                .append(sum(ddl))
                .append('\n');
        ddl.forEach(statement -> text.append(escaped(statement)).append(";\n"));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return;
            }
            Path parent = Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file's directory");
            Files.createDirectories(parent);
            // beside it under a name of this process, written with the permissions of any file the user writes
            Path written = parent.resolve(
                    "." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try {
                Files.write(written, bytes);
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not write the entity snapshot " + file + ": " + e.getMessage()
                            + ". Check that its directory may be written, or unset entitySnapshot.",
                    e);
        }
    }

    private static String escaped(String statement) {
        return statement.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String unescaped(String line) {
        StringBuilder statement = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                statement.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                statement.append(c);
            }
        }
        return statement.toString();
    }
}
