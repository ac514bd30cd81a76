package dev.migrate.command.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.AppliedStep;
import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.NotAtHeadException;
import dev.migrate.StepDirection;
import dev.migrate.text.Fixes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputDocumentTest {

    @Test
    void escapesQuotesBackslashesLineEndsAndControlCharacters() {
        String tricky = "a \"quoted\" C:\\path\nnext\tline\r\u0001 and é";
        String json = JsonWriter.write(Json.object().with("text", Json.text(tricky)));

        assertThat(json).isEqualTo("{\n  \"text\": \"a \\\"quoted\\\" C:\\\\path\\nnext\\tline\\r\\u0001 and é\"\n}");
        assertThat(JsonReader.read(json)).isEqualTo(Json.object().with("text", Json.text(tricky)));
    }

    @Test
    void writesNullsEmptyAndNestedListsAndReadsThemBack() {
        Json.Obj value = Json.object()
                .with("none", Json.text(null))
                .with("empty", Json.texts(List.of()))
                .with("nothing", Json.object())
                .with(
                        "nested",
                        Json.array(
                                List.of(List.of("a", "b"), List.<String>of()),
                                inner -> Json.object().with("items", Json.texts(inner))))
                .with("count", Json.number(-42))
                .with("yes", Json.bool(true));

        String json = JsonWriter.write(value);

        assertThat(json).isEqualTo("""
                        {
                          "none": null,
                          "empty": [],
                          "nothing": {},
                          "nested": [
                            {
                              "items": [
                                "a",
                                "b"
                              ]
                            },
                            {
                              "items": []
                            }
                          ],
                          "count": -42,
                          "yes": true
                        }""");
        assertThat(JsonReader.read(json)).isEqualTo(value);
        assertThat(List.copyOf(((Json.Obj) JsonReader.read(json)).members().keySet()))
                .as("the members in the order they were written")
                .containsExactly("none", "empty", "nothing", "nested", "count", "yes");
    }

    @Test
    void anUpgradeIsOkWithItsStepsAndWhereTheDatabaseIsNow() {
        CommandResult.Changed upgrade = new CommandResult.Changed(
                "head",
                List.of(
                        new AppliedStep("r1", "create orders", StepDirection.UPGRADE, Duration.ofMillis(12)),
                        new AppliedStep("r2", "", StepDirection.UPGRADE, Duration.ofMillis(30))),
                List.of(new CurrentRevision("r2", "", true)),
                List.of("r2"));

        Json.Obj document = OutputDocument.of("upgrade", upgrade, null).json();

        assertThat(document.get("schema")).isEqualTo(Json.text("migrate-output/1"));
        assertThat(document.get("command")).isEqualTo(Json.text("upgrade"));
        assertThat(document.get("status")).isEqualTo(Json.text("ok"));
        assertThat(document.get("error")).isEqualTo(Json.Null.NULL);
        Json.Obj result = (Json.Obj) document.get("result");
        assertThat(result.get("durationMs")).isEqualTo(Json.number(42));
        Json.Obj first = (Json.Obj) ((Json.Array) result.get("applied")).items().get(0);
        assertThat(first.members())
                .containsExactly(
                        Map.entry("revision", Json.text("r1")),
                        Map.entry("message", Json.text("create orders")),
                        Map.entry("direction", Json.text("upgrade")),
                        Map.entry("durationMs", Json.number(12)));
        assertThat(JsonReader.read(OutputDocument.of("upgrade", upgrade, null).text()))
                .isEqualTo(document);
    }

    @Test
    void aFailureKeepsWhatTheCommandKnewAndSaysWhetherItFoundDifferences() {
        CommandResult.Checked differences = new CommandResult.Checked(List.of(new CommandResult.Difference(
                "added", "column public.orders.status", null, "added column public.orders.status")));
        MigrateException failure = new MigrateException("The entities differ from the schema at head in 1 way.");

        Json.Obj document = OutputDocument.of("check", differences, failure).json();

        assertThat(document.get("status")).isEqualTo(Json.text("differences"));
        assertThat(((Json.Obj) document.get("error")).get("message"))
                .isEqualTo(Json.text("The entities differ from the schema at head in 1 way."));
        assertThat(((Json.Obj) document.get("error")).get("type"))
                .isEqualTo(Json.text(MigrateException.class.getName()));
        Json.Obj difference = (Json.Obj) ((Json.Array) ((Json.Obj) document.get("result")).get("differences"))
                .items()
                .get(0);
        assertThat(difference.get("kind")).isEqualTo(Json.text("added"));
        assertThat(difference.get("detail")).isEqualTo(Json.Null.NULL);

        OutputDocument notAtHead = OutputDocument.of(
                "current",
                new CommandResult.Current(List.of(new CurrentRevision("r1", "", false)), List.of("r2")),
                new NotAtHeadException("The database is at r1, not at head r2. Run migrate upgrade."));
        assertThat(notAtHead.status()).isEqualTo(OutputDocument.Status.FAILED);
        assertThat(((Json.Obj) notAtHead.json().get("result")).get("atHeads")).isEqualTo(Json.bool(false));
        assertThat(((Json.Obj) notAtHead.json().get("result")).get("pending")).isEqualTo(new Json.Array(List.of()));

        // a revision a guard left pending in its place (CONTINUE) is named with why, for current and history
        Json.Obj pending = (Json.Obj) ((Json.Array) new CommandResult.Current(
                                List.of(new CurrentRevision("r3", "", true)),
                                List.of("r3"),
                                List.of(new dev.migrate.tooling.MigratorTools.PendingRevision(
                                        "r2",
                                        "add col2",
                                        "pending: precondition failed: one row; retried at every" + " upgrade")))
                        .json()
                        .get("pending"))
                .items()
                .get(0);
        assertThat(pending.get("id")).isEqualTo(Json.text("r2"));
        assertThat(pending.get("why"))
                .isEqualTo(Json.text("pending: precondition failed: one row; retried at every upgrade"));
        assertThat(OutputDocument.of("upgrade", null, new IllegalStateException())
                        .error())
                .isEqualTo(new OutputDocument.Failure(
                        "java.lang.IllegalStateException", "java.lang.IllegalStateException"));
    }

    @Test
    void theOutputSettingTakesTextOrJsonAndNamesItsSpellingOtherwise() {
        Fixes cli = new Fixes() {
            @Override
            public String command(String command) {
                return "migrate " + command;
            }

            @Override
            public String setting(String name, String value) {
                return "--" + name + " " + value;
            }
        };
        assertThat(OutputFormat.of(null, cli)).isEqualTo(OutputFormat.TEXT);
        assertThat(OutputFormat.of(" JSON ", cli)).isEqualTo(OutputFormat.JSON);
        assertThatThrownBy(() -> OutputFormat.of("yaml", cli))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("'yaml'")
                .hasMessageContaining("--output json");
    }

    @Test
    void refusesTextThatIsNotJsonNamingWhere() {
        assertThatThrownBy(() -> JsonReader.read("{\"a\": [1, }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 10");
    }
}
