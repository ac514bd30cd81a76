package dev.migrate.maven;

import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.autogen.ComparisonDatabase;
import dev.migrate.command.EntityComparison;
import dev.migrate.command.entity.Renames;
import dev.migrate.command.run.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * A goal that compares the project's JPA entities with a database schema: {@code autogenerate},
 * {@code check} and {@code verify}.
 */
abstract class AbstractAutogenMojo extends AbstractEntityMojo {

    /**
     * Name patterns the comparison leaves alone on both sides ({@code *} and {@code ?} globs; with a
     * dot, matched against {@code schema.name}). The version tables are always left alone.
     */
    @Parameter(property = "migrate.exclude")
    protected @Nullable List<String> exclude;

    /**
     * Renames to write instead of drop plus add: {@code old_table=new_table} or
     * {@code table.old_column=new_column}, comma-separated on the command line.
     */
    @Parameter(property = "migrate.renames")
    protected @Nullable List<String> renames;

    /**
     * Tables ({@code old_table}) and columns ({@code table.old_column}) that look renamed but are
     * not: {@code autogenerate} in batch mode then writes their drop and the new one's add, instead of
     * stopping to ask for {@link #renames}.
     */
    @Parameter(property = "migrate.notRenamed")
    protected @Nullable List<String> notRenamed;

    /** The schema the entities are compared with. Objects in other schemas are never touched. */
    @Parameter(property = "migrate.managedSchema", defaultValue = "public")
    protected String managedSchema;

    /**
     * Where the entity side of the comparison is built when a database is configured: {@code server}
     * (a scratch schema on that database, created and dropped by the goal; needs the CREATE
     * privilege on the database), {@code embedded} (a throwaway embedded PostgreSQL of the
     * server's major version; the configured database is only read) or {@code auto} (the default:
     * {@code server} when the role may create there, {@code embedded} on a standby, in a read-only
     * session or for a role without CREATE). Without a configured database, everything runs on the
     * embedded one anyway.
     */
    @Parameter(property = "migrate.comparisonDatabase", defaultValue = "auto")
    protected String comparisonDatabase;

    /**
     * Keep the schema the migrations build on the embedded default in
     * {@code target/migrate/replay-cache}, so that a run with the same migrations (same revisions and
     * checksums), the same embedded PostgreSQL, schemas and exclusions does not replay them. With the
     * entity side cached too ({@link #entityCache}), {@code check} and {@code autogenerate} start no
     * server at all. {@code verify} always replays: it tests the chain itself.
     */
    @Parameter(property = "migrate.replayCache", defaultValue = "true")
    protected boolean replayCache;

    /**
     * With a configured database, how long each read-only query that measures a risky change on its
     * rows may run ({@code 5s}, {@code 500ms}): a figure not taken in time says so, and the change
     * is guarded.
     */
    @Parameter(property = "migrate.measureTimeout", defaultValue = "5s")
    protected String measureTimeout;

    /**
     * With a configured database, the estimated rows ({@code pg_class}) from which a table counts as
     * large: autogenerate writes changes to a large table in the lock-safe form by itself, and the
     * plain form for a smaller one, whose lock is brief.
     */
    @Parameter(property = "migrate.largeTableRows", defaultValue = "100000")
    protected long largeTableRows;

    /**
     * Convert serial and bigserial columns that the entities map as identity columns
     * ({@code @GeneratedValue(strategy = IDENTITY)}): {@code -Dmigrate.serialToIdentity=true}. The two
     * number rows alike, so without it they are no difference. The conversion drops the column's
     * default, adds the identity, moves it past the column's largest value and the sequence's last one
     * (read when the migration runs, offline too) and drops the sequence; its downgrade gives the
     * column its sequence and default back, past what the identity handed out.
     */
    @Parameter(property = "migrate.serialToIdentity", defaultValue = "false")
    protected boolean serialToIdentity;

    @Override
    protected void checkSettings() {
        super.checkSettings();
        Durations.parse("measureTimeout", measureTimeout);
    }

    /** How this goal compares the entities with the schema at head, as its parameters say. */
    protected final EntityComparison comparison() {
        Duration timeout = Durations.parse("measureTimeout", measureTimeout);
        return new EntityComparison(
                ComparisonDatabase.of(comparisonDatabase), // misspelt: fails with or without a URL
                timeout == null ? Duration.ofSeconds(5) : timeout,
                largeTableRows);
    }

    @Override
    protected boolean keepsReplayCache() {
        return replayCache;
    }

    /**
     * What is compared with {@code chain}'s schema: the entities, the managed schema, exclusions, renames, the
     * declared objects and the entity cache, as the parameters say.
     */
    final AutogenerateRequest.Builder request(Migrator chain) {
        AutogenerateRequest.Builder request = AutogenerateRequest.builder(chain, entityDdl())
                .managedSchema(managedSchema)
                .excluding(trimmed(exclude))
                .versionTables(versionTable, historyTable)
                .renames(Renames.hints(trimmed(renames)))
                .notRenamed(trimmed(notRenamed))
                .convertingSerialToIdentity(serialToIdentity)
                .declaringObjects(declaredObjects());
        Renames.askingAtConsole(session.getRequest().isInteractiveMode()).ifPresent(request::askingAboutRenames);
        if (entityCache) {
            request.entityCacheIn(Path.of(project.getBuild().getDirectory(), "migrate", "entity-cache"));
        }
        return request;
    }
}
