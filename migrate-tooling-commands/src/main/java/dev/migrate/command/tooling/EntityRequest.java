package dev.migrate.command.tooling;

import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.autogen.data.DeclaredRows;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.autogen.objects.SqlSchemaFiles;
import dev.migrate.command.entity.Renames;
import dev.migrate.command.entity.SchemaSource;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.tooling.ChainTables;
import dev.migrate.tooling.MigratorTools;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the comparing commands ({@code autogenerate}, {@code check}, {@code verify}, {@code watch}) compare with a
 * chain's schema, as the settings of a run say it: the managed schema, what is left alone, the renames, the objects
 * and rows the project declares, and where the entity side is kept (and the entity snapshot, which {@code
 * autogenerate} writes). Every face builds its request here.
 *
 * <pre>{@code
 * Entities.of(chain -> EntityRequest.of(settings, "watch", project, Path::toString)
 *         .builder(chain, entityDdl, target.resolve("migrate/entity-cache")), target.resolve("migrate"));
 * }</pre>
 *
 * @param settings the settings of the run
 * @param command the command that compares, whose defaults the settings take
 * @param project the directory that relative directories of the settings are read from
 * @param shown how a message names a directory of the project ({@code src/main/resources/db/objects})
 */
public record EntityRequest(ResolvedSettings settings, String command, Path project, Function<Path, String> shown) {

    /** The request of {@code settings}: see the record's parameters. */
    public static EntityRequest of(
            ResolvedSettings settings, String command, Path project, Function<Path, String> shown) {
        return new EntityRequest(settings, command, project, shown);
    }

    /** The schema compared with the entities, besides those they name: {@code managedSchema}, {@code public}. */
    public String managedSchema() {
        return value(SettingsTable.MANAGED_SCHEMA);
    }

    /** Where the objects beside tables are declared: {@code objectsDirectory}, read from the project. */
    public Path objectsDirectory() {
        return directory(SettingsTable.OBJECTS_DIRECTORY);
    }

    /** Where the rows are declared: {@code dataDirectory}, read from the project. */
    public Path dataDirectory() {
        return directory(SettingsTable.DATA_DIRECTORY);
    }

    /** Where the SQL schema files are: {@code source.sql.dir}, read from the project. */
    public Path sqlDirectory() {
        return directory(SettingsTable.SOURCE_SQL_DIRECTORY);
    }

    /**
     * Where the desired schema comes from: {@code source}, or, when it is not set, {@code sql} for a project with
     * schema files and no JPA provider on its class path ({@code inputs}), Spring Data or not, else {@code jpa}.
     */
    public SchemaSource source(SchemaSource.SourceInputs inputs) {
        return SchemaSource.chosen(
                settings.value(SettingsTable.SOURCE, command),
                sqlDirectory(),
                inputs.entities().missingProvider());
    }

    /**
     * What a source may need of the project, the program of {@code source.command} or {@code source.mainClass}
     * taken from the settings.
     *
     * @param entities the entities' DDL through the project's JPA provider or Spring Data's mapping model
     * @param classpath the project's class path, its compiled classes first
     * @param compileAndRun how the face says to compile and run again: {@code mvn compile migrate:check}
     */
    public SchemaSource.SourceInputs inputs(
            SchemaSource.EntityModels entities, List<Path> classpath, String compileAndRun) {
        return new SchemaSource.SourceInputs(
                entities,
                project,
                classpath,
                settings.value(SettingsTable.SOURCE_COMMAND, command),
                settings.value(SettingsTable.SOURCE_MAIN_CLASS, command),
                compileAndRun);
    }

    /** The SQL schema files of {@link #sqlDirectory}; an error naming it when it holds none. */
    public SqlSchemaFiles sqlFiles() {
        Path directory = sqlDirectory();
        return SqlSchemaFiles.in(directory, shown.apply(directory));
    }

    /**
     * The comparison of {@code chain}'s schema with the desired schema of the {@linkplain #source source} the
     * settings name, built from what the face knows of the project, {@code inputs}: the schema files with their
     * rename comments as declared statements, or the DDL of the entities or of a program. The entity side is kept
     * in {@code entityCache} unless the settings turn the cache off.
     */
    public AutogenerateRequest.Builder builder(Migrator chain, SchemaSource.SourceInputs inputs, Path entityCache) {
        SchemaSource source = source(inputs);
        @Nullable SqlSchemaFiles files = source == SchemaSource.SQL ? sqlFiles() : null;
        AutogenerateRequest.Builder request = builder(chain, source.ddl(inputs, files), entityCache)
                .declaringTheWholeSchema(source == SchemaSource.SQL || source == SchemaSource.COMMAND);
        if (files != null) {
            Path objects = objectsDirectory();
            request.declaringObjects(files.with(DeclaredObjects.in(objects, shown.apply(objects))));
            Map<String, String> renames = new LinkedHashMap<>(files.renames());
            renames.putAll(Renames.hints(list(SettingsTable.RENAMES))); // a setting wins over a comment
            request.renames(renames);
        }
        return request;
    }

    /**
     * The comparison of {@code chain}'s schema with the provider's DDL of the entities, {@code entityDdl}; the
     * entity side kept in {@code entityCache} unless the settings turn the cache off.
     */
    public AutogenerateRequest.Builder builder(Migrator chain, EntityDdlSource entityDdl, Path entityCache) {
        ChainTables tables = MigratorTools.of(chain).tables();
        Path objects = objectsDirectory();
        Path data = dataDirectory();
        AutogenerateRequest.Builder request = AutogenerateRequest.builder(chain, entityDdl)
                .managedSchema(managedSchema())
                .excluding(list(SettingsTable.EXCLUDE))
                .versionTables(tables.versionTable(), tables.historyTable())
                .renames(Renames.hints(list(SettingsTable.RENAMES)))
                .notRenamed(list(SettingsTable.NOT_RENAMED))
                .convertingSerialToIdentity(value(SettingsTable.SERIAL_TO_IDENTITY))
                .declaringObjects(DeclaredObjects.in(objects, shown.apply(objects)))
                .declaringRows(
                        DeclaredRows.in(data, shown.apply(data), managedSchema()), value(SettingsTable.DATA_ROW_LIMIT));
        if (value(SettingsTable.ENTITY_CACHE)) {
            request.entityCacheIn(entityCache);
            @Nullable Path snapshot = settings.value(SettingsTable.ENTITY_SNAPSHOT, command);
            if (snapshot != null) {
                Path file = project.resolve(snapshot).toAbsolutePath().normalize();
                if (command.equals("autogenerate")) {
                    request.writingEntitySnapshot(file);
                } else {
                    request.readingEntitySnapshot(file);
                }
            }
        }
        return request;
    }

    private Path directory(Setting<Path> setting) {
        return project.resolve(value(setting)).toAbsolutePath().normalize();
    }

    private List<String> list(Setting<List<String>> setting) {
        List<String> values = settings.value(setting, command);
        return values == null ? List.of() : values;
    }

    private <T> T value(Setting<T> setting) {
        return Objects.requireNonNull(settings.value(setting, command), "the row's default");
    }
}
