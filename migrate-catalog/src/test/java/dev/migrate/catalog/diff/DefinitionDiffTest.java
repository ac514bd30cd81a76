package dev.migrate.catalog.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.op.ObjectDefinition;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import java.util.List;
import org.junit.jupiter.api.Test;

// the lines of a diff are built one by one: each starts with its mark, which a text block would hide in its indentation
@SuppressWarnings("StringConcatToTextBlock")
class DefinitionDiffTest {
    @Test
    void oneChangedLineInALongBodyIsShownWithTwoLinesOfContext() {
        String before = String.join("\n", "a", "b", "c", "d", "e", "f", "g", "h");
        String after = String.join("\n", "a", "b", "c", "d", "E", "f", "g", "h");
        assertThat(DefinitionDiff.between(before, after))
                .isEqualTo(String.join("\n", "@@ -3,5 +3,5 @@", " c", " d", "-e", "+E", " f", " g"));
    }

    @Test
    void changesFarApartAreTwoHunksAndNearOnesOne() {
        String before = String.join("\n", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        String after = String.join("\n", "1", "two", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(DefinitionDiff.between(before, after))
                .isEqualTo(String.join(
                        "\n",
                        "@@ -1,4 +1,4 @@",
                        " 1",
                        "-2",
                        "+two",
                        " 3",
                        " 4",
                        "@@ -10,3 +10,2 @@",
                        " 10",
                        " 11",
                        "-12"));
        assertThat(DefinitionDiff.between("x\ny\nz", "x\nY\nz"))
                .isEqualTo(String.join("\n", "@@ -1,3 +1,3 @@", " x", "-y", "+Y", " z"));
    }

    @Test
    void theOpsOfAChangeGiveTheirTwoDefinitionsOrNothing() {
        ObjectDefinition open = new ObjectDefinition(ObjectKind.VIEW, "v", "CREATE VIEW v AS\nSELECT 1;");
        ObjectDefinition held = new ObjectDefinition(ObjectKind.VIEW, "v", "CREATE VIEW v AS\nSELECT 2;");
        assertThat(DefinitionDiff.of(List.of(new ObjectOp.ReplaceObject(open, held))))
                .contains("@@ -1,2 +1,2 @@\n CREATE VIEW v AS\n-SELECT 1;\n+SELECT 2;");
        assertThat(DefinitionDiff.of(
                        List.of(new ObjectOp.DropObject(ObjectKind.VIEW, "v", open), new ObjectOp.CreateObject(held))))
                .contains("@@ -1,2 +1,2 @@\n CREATE VIEW v AS\n-SELECT 1;\n+SELECT 2;");
        assertThat(DefinitionDiff.of(List.of(new ObjectOp.CreateObject(held)))).isEmpty();
    }
}
