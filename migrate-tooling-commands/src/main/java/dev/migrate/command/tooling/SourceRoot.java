package dev.migrate.command.tooling;

import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import dev.migrate.autogen.write.MigrationWriter;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.autogen.write.RevisionIds;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the commands that write a migration write it: a source root and the package of the migrations,
 * {@code new SourceRoot(Path.of("src/main/java"), "db.migrations").write(migration)}.
 *
 * @param directory the source root
 * @param packageName the package the class is written in, below it
 */
public record SourceRoot(Path directory, String packageName) {
    public SourceRoot {
        Objects.requireNonNull(directory, "directory");
        packageName = packageName.strip();
    }

    /** Writes {@code migration}'s class; returns its file. */
    public Path write(NewMigration migration) {
        return new MigrationWriter(directory, packageName).write(migration);
    }

    /** The next revision id after {@code parents}: now in UTC, or later than a later parent's, past ids the chain has. */
    public static String nextId(Migrator chain, List<String> parents) {
        Set<String> taken = chain.revisions().stream().map(RevisionDetails::id).collect(Collectors.toSet());
        return RevisionIds.next(Clock.systemUTC(), parents, taken::contains);
    }
}
