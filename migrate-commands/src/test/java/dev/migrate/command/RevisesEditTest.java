package dev.migrate.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rebase changes the parent in {@code @Revision(revises = ...)} and not one other character. */
class RevisesEditTest {

    private static final String WRITTEN = """
            package db.migrations;

            import dev.migrate.Revision;

            /** Revises 20260101_000001 ("create accounts"); the message says "revises = x". */
            @Revision(id = "20260201_000000", revises = "20260101_000001", message = "add (phone) \\"revises\\"")
            public class V20260201_000000_AddPhone implements Migration {
                // revises = "20260101_000001" in a comment stays
            }
            """;

    @Test
    void onlyTheRevisesLiteralChanges() {
        String edited =
                RevisesEdit.edit(WRITTEN, "20260101_000001", "20260301_000000").orElseThrow();
        assertThat(edited)
                .isEqualTo(WRITTEN.replace(
                        "revises = \"20260101_000001\", message", "revises = \"20260301_000000\", message"));
    }

    @Test
    void anArrayKeepsItsForm() {
        String text =
                "@Revision(\n        id = \"b\",\n        revises = {\"a\"},\n        message = \"m\")\nclass B {}";
        assertThat(RevisesEdit.edit(text, "a", "h")).contains(text.replace("{\"a\"}", "{\"h\"}"));
    }

    @Test
    void aParentNotWrittenAsTheLiteralIsRefusedAndTheFileKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("V.java");
        String text = "@Revision(id = \"b\", revises = Ids.PARENT) class V {}";
        Files.writeString(file, text);
        assertThatThrownBy(() -> RevisesEdit.apply(file, "a", "h"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(file + " does not name its parent as the literal revises = \"a\"")
                .hasMessageContaining("Change its revises to \"h\" by hand.");
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void aParentGoingByTwoNamesIsReplacedWhereverTheFileNamesIt(@TempDir Path dir) throws Exception {
        // a revision written before a squash names the revision the squash stands for
        Path file = dir.resolve("V.java");
        String text = "@Revision(id = \"b1\", revises = \"a2\") class V {}";
        Files.writeString(file, text);
        assertThat(RevisesEdit.apply(file, List.of("s2", "a2"), "b2")).isEqualTo("a2");
        assertThat(Files.readString(file)).isEqualTo(text.replace("\"a2\"", "\"b2\""));
        assertThatThrownBy(() -> RevisesEdit.apply(file, List.of("s2", "a2"), "b3"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("does not name its parent as the literal revises = \"s2\" or \"a2\"");
    }
}
