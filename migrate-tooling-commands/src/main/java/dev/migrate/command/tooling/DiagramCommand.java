package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.DIAGRAM_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.EXCLUDE;
import static dev.migrate.command.settings.SettingsTable.MANAGED_SCHEMA;
import static dev.migrate.command.settings.SettingsTable.REPLAY_CACHE;
import static dev.migrate.command.settings.SettingsTable.TABLES;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.command.CommandContext;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.pictures.DatabaseState;
import dev.migrate.pictures.Pictures;
import dev.migrate.pictures.TableSelection;
import dev.migrate.tooling.ChainTables;
import dev.migrate.tooling.MigratorTools;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code diagram}: draws the schema at head and the revision graph, the configured database's revisions marked:
 * {@code new DiagramCommand(List.of("orders*"), "public", List.of(), Path.of("target/migrate/diagram")).run(face)}.
 *
 * @param tables the tables to draw, as globs; the tables one foreign key away are drawn too, faded. Empty: all
 * @param managedSchema the schema drawn
 * @param exclude name patterns left out of the picture
 * @param directory where the pictures are written
 */
public record DiagramCommand(List<String> tables, String managedSchema, List<String> exclude, Path directory) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS =
            TakenSettings.database("diagram").and(EXCLUDE, MANAGED_SCHEMA, REPLAY_CACHE, TABLES, DIAGRAM_DIRECTORY);

    /** A picture needs no entities: the request's source is never asked. */
    private static final EntityDdlSource NO_ENTITIES = new EntityDdlSource() {
        @Override
        public String key(int serverMajorVersion) {
            throw new IllegalStateException("A diagram reads no entities");
        }

        @Override
        public List<String> generate(int serverMajorVersion) {
            throw new IllegalStateException("A diagram reads no entities");
        }
    };

    public DiagramCommand {
        tables = NonBlank.of(tables);
        Objects.requireNonNull(managedSchema, "managedSchema");
        exclude = NonBlank.of(exclude);
        Objects.requireNonNull(directory, "directory");
    }

    /** Reads the schema at head (the configured database's, or the chain's replayed) and draws it. */
    public void run(CommandContext context) {
        TableSelection selection = new TableSelection(tables);
        Optional<? extends DataSource> configured = context.configuredDatabase();
        Migrator chain = configured.isPresent()
                ? context.migrations(true).dataSource(configured.get()).build()
                : context.migrations(false).build();
        ChainTables settings = MigratorTools.of(chain).tables();
        AutogenerateRequest.Builder request = AutogenerateRequest.builder(chain, NO_ENTITIES)
                .managedSchema(managedSchema)
                .excluding(exclude)
                .versionTables(settings.versionTable(), settings.historyTable());
        if (configured.isEmpty()) {
            context.replayCache().ifPresent(request::replayCacheIn);
        }
        DatabaseSchema drawn = Autogenerate.schemaAtHead(
                request.build(), context.databases(configured.orElse(null), chain), ComparisonLog.of(context));
        DatabaseState state = DatabaseState.none();
        if (configured.isPresent()) {
            try (Connection c = configured.get().getConnection()) {
                state = DatabaseState.read(c, settings.schema(), settings.versionTable(), settings.historyTable());
            } catch (SQLException e) {
                throw new MigrateException(
                        "Could not connect to the database to read its revisions: " + e.getMessage(), e);
            }
        }
        Pictures pictures = Pictures.of(drawn, selection, chain.revisions(), state);
        pictures.write(directory);
        int tableCount = pictures.schemaPicture().tables().size();
        int viewCount = pictures.schemaPicture().views().size();
        int revisionCount = chain.revisions().size();
        context.output()
                .info("Drew " + tableCount + " table" + (tableCount == 1 ? "" : "s")
                        + (viewCount == 0 ? "" : ", " + viewCount + " view" + (viewCount == 1 ? "" : "s")) + " and "
                        + revisionCount + " revision" + (revisionCount == 1 ? "" : "s") + " into " + directory
                        + ": open "
                        + directory.resolve("index.html")
                        + " in a browser; schema.mmd and revisions.mmd are Mermaid for "
                        + "Markdown.");
    }
}
