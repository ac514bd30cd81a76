package dev.migrate.command.entity;

import dev.migrate.MigrateException;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.autogen.objects.SqlSchemaFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where the desired schema of a comparison comes from ({@code migrate.source}): the one place where a source maps
 * to the {@link EntityDdlSource} autogenerate builds on the throwaway server and reads back from the catalog.
 *
 * <pre>{@code
 * EntityDdlSource ddl = SchemaSource.named("sql").ddl(inputs, sqlFiles);
 * }</pre>
 */
public enum SchemaSource {
    /** The JPA entities, through the project's own JPA provider. */
    JPA("jpa"),
    /** SQL schema files ({@link SqlSchemaFiles}), applied as declared statements. */
    SQL("sql"),
    /** The DDL a program prints: a command line, or a main class run with the project's class path. */
    COMMAND("command"),
    /** Spring Data JDBC and R2DBC entities, read from Spring Data's mapping model. */
    SPRING_DATA_JDBC("spring-data-jdbc");

    private final String value;

    SchemaSource(String value) {
        this.value = value;
    }

    /** As the setting spells it: {@code spring-data-jdbc}. */
    public String value() {
        return value;
    }

    /** The source the setting names; an error naming the setting and each value when it names none. */
    public static SchemaSource named(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(source -> source.value.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new MigrateException("migrate.source is '" + value + "', which names no source."
                        + " Set it to one of "
                        + Arrays.stream(values()).map(SchemaSource::value).collect(Collectors.joining(", "))
                        + ", or leave it out (sql when the schema files exist and no JPA provider is on the class"
                        + " path, else jpa)."));
    }

    /**
     * The source the setting {@code named} chooses, or the {@linkplain #byDefault default} when it is null or blank:
     * the one choice the plugin, the command line, {@code watch}, the Quarkus dev loop and the JUnit extension make.
     *
     * @param missingProvider what the class path lacks for the JPA provider's DDL ({@link EntityModels#missingProvider})
     */
    public static SchemaSource chosen(
            @Nullable String named, Path sqlDirectory, Supplier<Optional<String>> missingProvider) {
        return named == null || named.isBlank() ? byDefault(sqlDirectory, missingProvider) : named(named);
    }

    /**
     * The source of a project that names none: {@link #SQL} when {@code sqlDirectory} holds {@code .sql} files and
     * {@code missingProvider} says the class path has no JPA provider, else {@link #JPA} (the JPA entities, or Spring
     * Data's mapping model without a provider). Schema files are written to be the model, so they win over Spring
     * Data JDBC's aggregates, which {@code migrate.source=spring-data-jdbc} names; a JPA provider's entities win over
     * them, as a project that keeps both has always had it.
     */
    public static SchemaSource byDefault(Path sqlDirectory, Supplier<Optional<String>> missingProvider) {
        return SqlSchemaFiles.present(sqlDirectory) && missingProvider.get().isPresent() ? SQL : JPA;
    }

    /**
     * What this source builds the desired schema from.
     *
     * @param inputs what the face knows of the project
     * @param sqlFiles the schema files, for {@link #SQL}; null for the others
     */
    public EntityDdlSource ddl(SourceInputs inputs, @Nullable SqlSchemaFiles sqlFiles) {
        return switch (this) {
            case JPA -> inputs.entities().jpa();
            case SQL -> {
                SqlSchemaFiles files = Objects.requireNonNull(sqlFiles, "the schema files of source sql");
                Path directory = files.directory().toAbsolutePath().normalize();
                Path project = inputs.project().toAbsolutePath().normalize();
                yield EntityDdlSource.none(files.key())
                        .describedAs("the SQL schema files in "
                                + (directory.startsWith(project) ? project.relativize(directory) : directory));
            }
            case COMMAND -> {
                String command = inputs.command();
                String mainClass = inputs.mainClass();
                yield ProgramDdl.of(inputs)
                        .source()
                        .describedAs(
                                command == null || command.isBlank()
                                        ? "the main class "
                                                + Objects.requireNonNull(mainClass)
                                                        .strip()
                                        : "the program " + command.strip());
            }
            // named, Spring Data's mapping model wins over a JPA provider on the class path
            case SPRING_DATA_JDBC -> inputs.entities().springData().describedAs("Spring Data JDBC's aggregates");
        };
    }

    /**
     * The project's entities as the two sources that read classes take them ({@link ProjectEntities#models}): nothing
     * is loaded until one is asked for its key or DDL, and the class path is then looked at once for the three.
     *
     * @param jpa the entities' DDL through the JPA provider or, without one, Spring Data's mapping model
     * @param springData the DDL of Spring Data's mapping model, even beside a JPA provider
     * @param missingJpa what the class path lacks to describe the entities (the JPA API or a provider, and Spring
     *     Data); empty when it has what {@code jpa} needs
     * @param missingProvider what the class path lacks for the JPA provider's DDL (the JPA API or a provider),
     *     Spring Data aside: present, schema files are the {@linkplain #byDefault default} source
     */
    public record EntityModels(
            EntityDdlSource jpa,
            EntityDdlSource springData,
            Supplier<Optional<String>> missingJpa,
            Supplier<Optional<String>> missingProvider) {}

    /**
     * What a face knows of the project that a source may need.
     *
     * @param entities the entities' DDL, through the JPA provider or Spring Data's mapping model
     * @param project the project's directory, where a command runs
     * @param classpath the project's class path, its compiled classes first, for a main class
     * @param command the command line that prints the DDL ({@code source.command}), or null
     * @param mainClass the main class that prints the DDL ({@code source.mainClass}), or null
     * @param compileAndRun how the face says to compile and run again: {@code mvn compile migrate:check}
     */
    public record SourceInputs(
            EntityModels entities,
            Path project,
            List<Path> classpath,
            @Nullable String command,
            @Nullable String mainClass,
            String compileAndRun) {
        public SourceInputs {
            classpath = List.copyOf(classpath);
        }
    }
}
