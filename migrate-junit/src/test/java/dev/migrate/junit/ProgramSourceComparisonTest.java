package dev.migrate.junit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * "Entities match the schema at head" for the DDL a program prints ({@code @MigrationChain(source = "command")}),
 * as {@code migrate:check -Dmigrate.source=command} compares it: a command line, or a main class run with the test
 * class path.
 */
@MigrationChain(packages = "fixtures.shop.migrations")
class ProgramSourceComparisonTest {

    /** A main class of the project that prints the DDL of the head. */
    @MigrationChain(
            packages = "fixtures.shop.migrations",
            source = "command",
            sourceMainClass = "fixtures.program.PrintCustomers")
    private static final class MainClass {}

    @TempDir
    Path project;

    @Test
    void theDdlACommandPrintsPassesAndAColumnMoreIsNamed(MigrationDatabase database) throws Exception {
        Path ddl = project.resolve("schema.sql");
        String command = "cat '" + ddl + "'";
        ChainChecks checks = checks(database, command(command));
        Files.writeString(ddl, SchemaFilesComparisonTest.CUSTOMERS.formatted(""));
        assertThatCode(checks::entitiesMatchSchemaAtHead).doesNotThrowAnyException();

        Files.writeString(ddl, SchemaFilesComparisonTest.CUSTOMERS.formatted(",\n    nickname text"));
        assertThatThrownBy(checks::entitiesMatchSchemaAtHead)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("The DDL that " + command + " prints differs from the schema at head")
                .hasMessageContaining("public.customers.nickname")
                .hasMessageContaining("-Dmigrate.source=command");
    }

    @Test
    void theDdlAMainClassPrintsWithTheTestClassPathPasses(MigrationDatabase database) {
        ChainChecks checks = new ChainChecks(
                database, ChainSettings.of(MainClass.class), getClass().getClassLoader());
        assertThatCode(checks::entitiesMatchSchemaAtHead).doesNotThrowAnyException();
    }

    @Test
    void theSourceWithoutAProgramNamesBothSettings(MigrationDatabase database) {
        assertThatThrownBy(checks(database, command(""))::entitiesMatchSchemaAtHead)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("migrate.source.command")
                .hasMessageContaining("migrate.source.mainClass");
    }

    @Test
    void aSourceThatIsNoneIsNamedWithEverySource(MigrationDatabase database) {
        ChainSettings hibernate = ChainSettings.of(getClass())
                .with(new ChainSettings.SourceSettings(
                        "hibernate", ChainSettings.SourceSettings.DEFAULTS.sqlDirectory(), "", ""));
        assertThatThrownBy(checks(database, hibernate)::entitiesMatchSchemaAtHead)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("'hibernate', which names no source")
                .hasMessageContaining("jpa, sql, command, spring-data-jdbc");
    }

    private ChainSettings command(String line) {
        return ChainSettings.of(getClass())
                .with(new ChainSettings.SourceSettings(
                        "command", ChainSettings.SourceSettings.DEFAULTS.sqlDirectory(), line, ""));
    }

    private ChainChecks checks(MigrationDatabase database, ChainSettings settings) {
        return new ChainChecks(database, settings, getClass().getClassLoader());
    }
}
