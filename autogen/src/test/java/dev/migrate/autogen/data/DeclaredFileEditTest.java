package dev.migrate.autogen.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.ObjectName;
import dev.migrate.op.Rows;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A declared file edited as its author would: only the rows a change concerns, in the file's own style. */
class DeclaredFileEditTest {
    private static final ObjectName CODES = ObjectName.of("public", "codes");

    @Test
    void aCsvFileKeepsItsOtherLinesAndGetsItsNewRowsAfterTheLastLine() {
        DeclaredTable table = csv("code,name,note\nFR,France,\nDE,\"Germany\",x\nIT,Italy,y");
        String text = edited(
                table,
                Rows.keyedBy("code").columns("code", "name", "note").row("ES", "Spain, Kingdom of", ""),
                List.of(Rows.keyedBy("code").columns("code", "name", "note").row("DE", "Deutschland", null)),
                Rows.keyedBy("code").columns("code", "name", "note").row("IT", "Italy", "y"));
        // NULL is an unquoted empty field, the empty string "", a comma quoted; DE keeps its quotes
        assertThat(text).isEqualTo("code,name,note\nFR,France,\nDE,\"Deutschland\",\nES,\"Spain, Kingdom of\",\"\"\n");
    }

    @Test
    void aSqlFileWritesNumbersAsNumbersOnlyWhereTheyReadBackTheSame() {
        DeclaredTable table = DeclaredRows.sql(
                "db/data/codes.sql",
                null,
                CODES,
                Path.of("codes.sql"),
                "INSERT INTO codes (code, name) VALUES ('a', 1);\n",
                "public");
        String text = edited(
                table,
                Rows.keyedBy("code").columns("code", "name").row("b", "007").row("c", "12.50"),
                List.of(Rows.keyedBy("code").columns("code", "name").row("a", "2")),
                null);
        assertThat(text).isEqualTo("""
                        INSERT INTO codes (code, name) VALUES ('a', 2);
                        INSERT INTO codes (code, name) VALUES ('b', '007');
                        INSERT INTO codes (code, name) VALUES ('c', 12.50);
                        """);
    }

    @Test
    void aRowTheFileSpellsOtherwiseIsNotGuessedAt() {
        DeclaredTable table = csv("code,name\n007,Bond\n");
        DeclaredFileEdit.Result result = DeclaredFileEdit.of(
                table,
                null,
                List.of(Rows.keyedBy("code").columns("code", "name").row("7", "James")),
                null);
        assertThat(result.text()).isEmpty();
        assertThat(result.refusal())
                .contains("db/data/codes.csv has no row whose key is written [7] (the file may spell it otherwise"
                        + " than the database does).");
    }

    private static DeclaredTable csv(String text) {
        return DeclaredRows.csv("db/data/codes.csv", null, CODES, Path.of("codes.csv"), text);
    }

    private static String edited(
            DeclaredTable table, @Nullable Rows inserted, List<Rows> updated, @Nullable Rows deleted) {
        DeclaredFileEdit.Result result = DeclaredFileEdit.of(table, inserted, updated, deleted);
        assertThat(result.refusal()).isEmpty();
        return result.text().orElseThrow();
    }
}
