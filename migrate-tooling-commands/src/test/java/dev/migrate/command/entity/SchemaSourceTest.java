package dev.migrate.command.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.autogen.objects.SqlSchemaFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source of the desired schema, as {@code migrate.source} names it or the project implies it, and the program
 * source: its DDL, its key, and its failures named with the command, the exit code and the end of standard error.
 */
class SchemaSourceTest {
    private static final EntityDdlSource JPA = EntityDdlSource.none("jpa");
    private static final EntityDdlSource SPRING_DATA = EntityDdlSource.none("spring-data-jdbc");
    private static final SchemaSource.EntityModels MODELS =
            new SchemaSource.EntityModels(JPA, SPRING_DATA, Optional::empty, Optional::empty);

    @TempDir
    Path project;

    @Test
    void aSourceIsNamedAsTheSettingSpellsItAndAnUnknownOneIsAnErrorNamingEach() {
        assertThat(SchemaSource.named(" SQL ")).isEqualTo(SchemaSource.SQL);
        assertThat(SchemaSource.named("spring-data-jdbc")).isEqualTo(SchemaSource.SPRING_DATA_JDBC);
        assertThatThrownBy(() -> SchemaSource.named("hibernate"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("migrate.source is 'hibernate'")
                .hasMessageContaining("jpa, sql, command, spring-data-jdbc");
    }

    @Test
    void schemaFilesWithoutAJpaProviderAreTheDefaultAndJpaOtherwise() throws Exception {
        Path dir = project.resolve("src/main/resources/db/schema");
        assertThat(SchemaSource.byDefault(dir, () -> Optional.of("no JPA API"))).isEqualTo(SchemaSource.JPA);
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("tables/customers.sql"), "CREATE TABLE customers (id bigint);");
        assertThat(SchemaSource.byDefault(dir, () -> Optional.of("no JPA API"))).isEqualTo(SchemaSource.SQL);
        assertThat(SchemaSource.byDefault(dir, Optional::empty)).isEqualTo(SchemaSource.JPA);
    }

    @Test
    void springDataJdbcNamedReadsSpringDatasMappingModelAndJpaTheEntitiesSource() {
        // the entities' source chooses Spring Data's mapping model where the class path has it and no JPA provider;
        // named, Spring Data's wins over a provider (ProjectEntities.models, NamedSpringDataSourceTest)
        assertThat(SchemaSource.SPRING_DATA_JDBC.ddl(inputs(null, null), null).key(17))
                .isEqualTo("spring-data-jdbc");
        assertThat(SchemaSource.JPA.ddl(inputs(null, null), null)).isSameAs(JPA);
    }

    @Test
    void eachSourceIsDescribedAsTheLogNamesWhatItCompared() throws Exception {
        Path dir = Files.createDirectories(project.resolve("src/main/resources/db/schema"));
        Files.writeString(dir.resolve("customers.sql"), "CREATE TABLE customers (id bigint);");
        SqlSchemaFiles files = SqlSchemaFiles.in(dir, "src/main/resources/db/schema");
        assertThat(SchemaSource.SQL.ddl(inputs(null, null), files).described())
                .isEqualTo("the SQL schema files in src/main/resources/db/schema");
        assertThat(SchemaSource.SQL.ddl(inputs(null, null), files).key(17)).isEqualTo(files.key());
        assertThat(SchemaSource.COMMAND.ddl(inputs(" sh schema.sh", null), null).described())
                .isEqualTo("the program sh schema.sh");
        assertThat(SchemaSource.COMMAND
                        .ddl(inputs(null, "com.example.PrintSchema"), null)
                        .described())
                .isEqualTo("the main class com.example.PrintSchema");
        assertThat(SchemaSource.SPRING_DATA_JDBC.ddl(inputs(null, null), null).described())
                .isEqualTo("Spring Data JDBC's aggregates");
        assertThat(SchemaSource.JPA.ddl(inputs(null, null), null).described()).isEqualTo("the entities");
    }

    @Test
    void aCommandsOutputIsSplitIntoStatements() throws Exception {
        Files.writeString(project.resolve("schema.sh"), """
                echo 'CREATE TABLE customers (id bigint PRIMARY KEY, note text DEFAULT $$a;b$$);'
                echo 'CREATE INDEX customers_note ON customers (note)'
                echo 'progress' >&2
                """);
        EntityDdlSource ddl = SchemaSource.COMMAND.ddl(inputs("sh schema.sh", null), null);
        assertThat(ddl.generate(17))
                .containsExactly(
                        "CREATE TABLE customers (id bigint PRIMARY KEY, note text DEFAULT $$a;b$$)",
                        "CREATE INDEX customers_note ON customers (note)");
    }

    @Test
    void theKeyOfACommandChangesWithTheFileItNames() throws Exception {
        Files.writeString(project.resolve("schema.sh"), "echo 'CREATE TABLE a (id int);'\n");
        EntityDdlSource ddl = SchemaSource.COMMAND.ddl(inputs("sh schema.sh", null), null);
        String before = ddl.key(17);
        assertThat(ddl.key(17)).isEqualTo(before);
        assertThat(SchemaSource.COMMAND
                        .ddl(inputs("sh  schema.sh --all", null), null)
                        .key(17))
                .isNotEqualTo(before);
        Files.writeString(project.resolve("schema.sh"), "echo 'CREATE TABLE a (id bigint);'\n");
        assertThat(ddl.key(17)).isNotEqualTo(before);
    }

    @Test
    void aFailingCommandIsNamedWithItsExitCodeAndTheEndOfItsStandardError() {
        EntityDdlSource ddl = SchemaSource.COMMAND.ddl(
                inputs("echo 'CREATE TABLE a (id int);'; echo 'no schema here' >&2; exit 3", null), null);
        assertThatThrownBy(() -> ddl.generate(17))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("exit 3 exited with 3")
                .hasMessageContaining("no schema here");
    }

    @Test
    void aCommandThatPrintsNothingIsAnError() {
        EntityDdlSource ddl = SchemaSource.COMMAND.ddl(inputs("true", null), null);
        assertThatThrownBy(() -> ddl.generate(17))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("printed no DDL");
    }

    @Test
    void theProgramIsOneCommandOrOneMainClass() {
        assertThatThrownBy(() -> SchemaSource.COMMAND.ddl(inputs(null, " "), null))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("migrate.source.command")
                .hasMessageContaining("neither is set");
        assertThatThrownBy(() -> SchemaSource.COMMAND.ddl(inputs("sh x.sh", "com.example.Ddl"), null))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void aMainClassRunsWithTheClassPathInAJvmOfItsOwn() throws Exception {
        // a class compiled here, so that the test needs nothing but the JDK
        Path sources = Files.createDirectories(project.resolve("src"));
        Path classes = Files.createDirectories(project.resolve("classes"));
        Files.writeString(sources.resolve("PrintDdl.java"), """
                public class PrintDdl {
                    public static void main(String[] args) {
                        System.out.println("CREATE TABLE invoices (id bigint PRIMARY KEY);");
                    }
                }
                """);
        int compiled = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.toString(),
                        sources.resolve("PrintDdl.java").toString());
        assertThat(compiled).isZero();
        EntityDdlSource ddl = SchemaSource.COMMAND.ddl(
                new SchemaSource.SourceInputs(
                        MODELS, project, List.of(classes), null, "PrintDdl", "mvn compile migrate:check"),
                null);
        assertThat(ddl.generate(17)).containsExactly("CREATE TABLE invoices (id bigint PRIMARY KEY)");
    }

    private SchemaSource.SourceInputs inputs(@Nullable String command, @Nullable String mainClass) {
        return new SchemaSource.SourceInputs(
                MODELS, project, List.of(), command, mainClass, "mvn compile migrate:check");
    }
}
