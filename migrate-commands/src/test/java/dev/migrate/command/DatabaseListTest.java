package dev.migrate.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseListTest {
    @TempDir
    Path base;

    @Test
    void commaSeparatedUrlsAreTrimmedAndEmptyEntriesSkipped() {
        assertThat(DatabaseList.parse(" postgresql://a/x , ,postgresql://b/y ", base, "--databases"))
                .containsExactly("postgresql://a/x", "postgresql://b/y");
    }

    @Test
    void aFileHoldsOneUrlALineWithCommentsAndBlankLinesSkipped() throws IOException {
        Files.writeString(base.resolve("tenants.txt"), "# the fleet\npostgresql://a/x\n\n  postgresql://b/y  \n");
        assertThat(DatabaseList.parse("@tenants.txt", base, "--databases"))
                .containsExactly("postgresql://a/x", "postgresql://b/y");
    }

    @Test
    void aMissingFileIsNamedWithTheSettingAndWhereItWasLookedFor() {
        assertThatThrownBy(() -> DatabaseList.parse("@nope.txt", base, "--databases"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(base.resolve("nope.txt").toString())
                .hasMessageContaining("--databases @...")
                .hasMessageContaining("relative to " + base);
    }

    @Test
    void aSettingThatNamesNoDatabaseIsRefusedWithTheForms() throws IOException {
        Files.writeString(base.resolve("empty.txt"), "# nobody yet\n");
        assertThatThrownBy(() -> DatabaseList.parse(" , ", base, "migrate.databases"))
                .hasMessageStartingWith("migrate.databases names no database")
                .hasMessageContaining("comma-separated database URLs");
        assertThatThrownBy(() -> DatabaseList.parse("@empty.txt", base, "--databases"))
                .hasMessageStartingWith("--databases names no database");
    }
}
