package dev.migrate.autogen;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.autogen.objects.SqlSchemaFiles;
import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table or column dropped from a source other than JPA entities is measured on the configured database's rows as an
 * entity's drop is ({@code DataMeasurements}): the SQL schema files, whose tables reach the comparison as declared
 * statements, and a program's DDL (the {@code command} and {@code spring-data-jdbc} sources give DDL as the JPA
 * provider does), each through the one comparison.
 */
class SourceDropsMeasuredTest {
    @Revision(id = "s1", message = "create customers and notes")
    public static class CreateCustomersAndNotes implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable(
                    "customers", column("id", "bigint").primaryKey(), column("name", "text"), column("remark", "text"));
            op.createTable("notes", column("id", "bigint").primaryKey(), column("body", "text"));
            op.execute("INSERT INTO customers VALUES (1, 'Ada', 'first'), (2, 'Grace', NULL), (3, 'Edsger', 'third')");
            op.execute("INSERT INTO notes VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("notes");
            op.dropTable("customers");
        }
    }

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();

    @Test
    void aTableAndAColumnDroppedFromTheSqlFilesAreMeasuredOnTheRows() throws Exception {
        Path schema = project.resolve("schema");
        Files.createDirectories(schema);
        Files.writeString(
                schema.resolve("customers.sql"), "CREATE TABLE customers (id bigint PRIMARY KEY, name text);\n");
        SqlSchemaFiles files = SqlSchemaFiles.in(schema, "db/schema");
        DataSource database = TestPostgres.freshDatabase("source_drops_sql");
        Migrator chain = chain(database);

        AutogenerateResult result = Autogenerate.run(
                AutogenerateRequest.builder(chain, EntityDdlSource.none(files.key()))
                        .declaringObjects(files.with(DeclaredObjects.none()))
                        .renames(files.renames())
                        .measuringRows(Duration.ofSeconds(5), 1000)
                        .build(),
                new TestThrowaways(database),
                log::add);

        assertMeasured(result);
    }

    @Test
    void aTableAndAColumnDroppedFromAProgramsDdlAreMeasuredOnTheRows() throws Exception {
        DataSource database = TestPostgres.freshDatabase("source_drops_program");
        Migrator chain = chain(database);
        EntityDdlSource printed =
                new AutogenerateTest.Entities(List.of("CREATE TABLE customers (id bigint PRIMARY KEY, name text)"));

        AutogenerateResult result = Autogenerate.run(
                AutogenerateRequest.builder(chain, printed)
                        .measuringRows(Duration.ofSeconds(5), 1000)
                        .build(),
                new TestThrowaways(database),
                log::add);

        assertMeasured(result);
    }

    private static void assertMeasured(AutogenerateResult result) {
        assertThat(result.script().descriptions())
                .containsExactlyInAnyOrder("removed table public.notes", "removed column public.customers.remark");
        assertThat(String.join(
                        "\n",
                        result.script().changes().stream()
                                .flatMap(change -> ChangeNotes.of(change).stream())
                                .toList()))
                .contains("holds 4 rows, which the drop deletes")
                .contains("holds 2 non-null values in remark, which the drop deletes");
    }

    private static Migrator chain(DataSource database) {
        Migrator chain = Migrator.builder()
                .dataSource(database)
                .migrations(CreateCustomersAndNotes.class)
                .build();
        chain.upgrade("heads");
        return chain;
    }
}
