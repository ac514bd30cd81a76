package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.pictures.DatabaseState;
import dev.migrate.pictures.Pictures;
import dev.migrate.pictures.TableSelection;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Draws the schema and the revision graph into {@code target/migrate/diagram}: {@code schema.mmd}
 * and {@code schema.svg} (the tables, their columns and foreign keys), {@code revisions.mmd} and
 * {@code revisions.svg} (the graph, newest at the top), and {@code index.html} showing both with the
 * list of tables. With no database configured the schema is the one the migrations build (replayed
 * on a throwaway embedded PostgreSQL, or taken from the replay cache); with one it is that database's,
 * and the revision graph marks its current revisions and when each ran.
 */
@Mojo(
        name = "diagram",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DiagramMojo extends AbstractDatabaseMojo {

    /**
     * The tables to draw, comma-separated globs such as {@code orders*,customers} (with a dot,
     * matched against {@code schema.name}); the tables one foreign key away are drawn too, faded.
     * Empty: every table.
     */
    @Parameter(property = "migrate.tables")
    protected List<String> tables;

    /** The schema drawn. */
    @Parameter(property = "migrate.managedSchema", defaultValue = "public")
    protected String managedSchema;

    /** Name patterns left out of the picture, as {@code exclude} of the comparison goals spells them. */
    @Parameter(property = "migrate.exclude")
    protected List<String> exclude;

    /**
     * Take the schema the migrations build from {@code target/migrate/replay-cache} when it holds it
     * (as {@code check} keeps it), instead of replaying them.
     */
    @Parameter(property = "migrate.replayCache", defaultValue = "true")
    protected boolean replayCache;

    /** Where the pictures are written. */
    @Parameter(property = "migrate.diagramDirectory", defaultValue = "${project.build.directory}/migrate/diagram")
    protected File diagramDirectory;

    @Override
    protected boolean verifiesChecksums() {
        return false;
    }

    @Override
    protected void run(ClassLoader projectClasses) {
        TableSelection selection = new TableSelection(tables == null ? List.of() : tables);
        Optional<? extends DataSource> configured = configuredDatabase();
        Migrator chain = configured.isPresent()
                ? configured(projectClasses).dataSource(configured.get()).build()
                : offline(projectClasses);
        AutogenerateRequest.Builder request = AutogenerateRequest.builder(chain, NO_ENTITIES)
                .managedSchema(managedSchema)
                .excluding(
                        exclude == null
                                ? List.of()
                                : exclude.stream().map(String::trim).toList())
                .versionTables(versionTable, historyTable);
        if (configured.isEmpty() && replayCache) {
            request.replayCacheIn(Path.of(project.getBuild().getDirectory(), "migrate", "replay-cache"));
        }
        DatabaseSchema drawn =
                Autogenerate.schemaAtHead(request.build(), new PluginDatabases(configured.orElse(null)), log());
        DatabaseState state = DatabaseState.none();
        if (configured.isPresent()) {
            try (Connection c = configured.get().getConnection()) {
                state = DatabaseState.read(c, schema, versionTable, historyTable);
            } catch (SQLException e) {
                throw new MigrateException(
                        "Could not connect to the database to read its revisions: " + e.getMessage(), e);
            }
        }
        draw(chain, drawn, state, selection);
    }

    /** A picture needs no entities: the request's source is never asked. */
    private static final EntityDdlSource NO_ENTITIES = new EntityDdlSource() {
        @Override
        public String key(int serverMajorVersion) {
            throw new IllegalStateException("migrate:diagram reads no entities");
        }

        @Override
        public List<String> generate(int serverMajorVersion) {
            throw new IllegalStateException("migrate:diagram reads no entities");
        }
    };

    private void draw(Migrator migrator, DatabaseSchema drawn, DatabaseState state, TableSelection selection) {
        LayoutLibraries.addTo(
                mojoExecution.getMojoDescriptor().getPluginDescriptor(),
                repositorySystem,
                session.getRepositorySession(),
                project.getRemotePluginRepositories());
        Pictures pictures = Pictures.of(drawn, selection, migrator.revisions(), state);
        Path directory = diagramDirectory.toPath();
        pictures.write(directory);
        int tableCount = pictures.schemaPicture().tables().size();
        int viewCount = pictures.schemaPicture().views().size();
        int revisionCount = migrator.revisions().size();
        getLog().info("Drew " + tableCount + " table" + (tableCount == 1 ? "" : "s")
                + (viewCount == 0 ? "" : ", " + viewCount + " view" + (viewCount == 1 ? "" : "s")) + " and "
                + revisionCount
                + " revision" + (revisionCount == 1 ? "" : "s") + " into " + directory + ": open "
                + directory.resolve("index.html") + " in a browser; schema.mmd and revisions.mmd are Mermaid for "
                + "Markdown.");
    }
}
