package dev.migrate.internal.sql;

import static dev.migrate.Ddl.check;
import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.foreignKey;
import static dev.migrate.Ddl.index;
import static dev.migrate.Ddl.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Ddl;
import dev.migrate.op.Catalog;
import dev.migrate.op.Column;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.DataOp;
import dev.migrate.op.EnumOp;
import dev.migrate.op.ExecutingOperations;
import dev.migrate.op.IndexKey;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SchemaOp;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SequenceOptions;
import dev.migrate.op.TableElement;
import dev.migrate.op.TableOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import dev.migrate.sql.LiteralsTest;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile names and values, executed for real: every object ends up with exactly the name and value given,
 * and nothing else in the database is created or dropped.
 */
class InjectionSafetyTest {
    /** Names PostgreSQL accepts quoted (none longer than 63 bytes, none with a dot, which separates schema and name). */
    static final List<String> NAMES = List.of(
            "we\"ird",
            "it's",
            "semi;colon",
            "with space",
            "UpperCase",
            "ünïcødé",
            "日本語",
            "select",
            "user",
            "order",
            "table",
            "1leading",
            "$dollar",
            "a$b",
            "x\"; DROP TABLE x; --",
            "x'); DROP TABLE x; --",
            "back\\slash",
            "new\nline",
            "--",
            "/*");

    private static Connection connection;
    private static Catalog catalog;
    private ExecutingOperations op;

    @BeforeAll
    static void connect() throws Exception {
        connection = TestPostgres.freshDatabase("injection").getConnection();
        catalog = new Catalog(connection);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @BeforeEach
    void canary() {
        catalog.reset();
        catalog.execute("CREATE TABLE x (id integer)");
        catalog.execute("INSERT INTO x VALUES (1)");
        op = new ExecutingOperations(connection);
    }

    @Test
    void hostileNamesAndValuesEverywhere() {
        List<String> before = catalog.snapshot();
        String schema = "Sch\"ema; DROP TABLE x; --";
        QualifiedName table = QualifiedName.of(schema, "Tab'le \"select\"");
        QualifiedName child = QualifiedName.of(schema, "order");
        QualifiedName type = QualifiedName.of(schema, "En\"um $$");
        String typeSql = Identifiers.quote(type);
        List<String> labels = new ArrayList<>(LiteralsTest.HOSTILE.subList(0, 12));

        op.run(new SchemaOp.CreateSchema(schema, false));
        op.run(new EnumOp.CreateEnum(type, labels));
        List<TableElement> elements = new ArrayList<>();
        elements.add(column("id", "integer").primaryKey());
        for (int i = 0; i < NAMES.size(); i++) {
            String value = LiteralsTest.HOSTILE.get(i % LiteralsTest.HOSTILE.size());
            elements.add(column(NAMES.get(i), "text")
                    .defaultValue(Literals.string(value))
                    .comment(value));
        }
        elements.add(column("mood", typeSql).defaultValue(Literals.string(labels.get(4)) + "::" + typeSql));
        elements.add(unique("uq \"select\"; --", "select", "user"));
        elements.add(check("ck 'order'", Identifiers.quote("order") + " <> " + Literals.string("'; DROP TABLE x; --")));
        op.run(new TableOp.CreateTable(table, elements, "'; DROP TABLE x; -- $$ \\ ünï\nnext"));
        op.run(new TableOp.CreateTable(
                child,
                List.of(
                        column("id", "integer"),
                        column("Parent Id", "integer"),
                        foreignKey("fk \"order\"", "Parent Id").references(table.toString(), "id")),
                null));
        List<IndexKey> keys =
                NAMES.subList(0, 6).stream().<IndexKey>map(IndexKey.Column::of).toList();
        op.run(new IndexOp.CreateIndex(
                "ix \"1\"; DROP TABLE x; --",
                table,
                keys,
                true,
                false,
                null,
                NAMES.subList(6, NAMES.size()),
                false,
                Identifiers.quote("it's") + " <> " + Literals.string("\\'; --")));
        op.run(new SequenceOp.CreateSequence(
                QualifiedName.of(schema, "seq 'ids'"),
                SequenceOptions.DEFAULTS.startWith(3),
                schema + "." + child.name() + ".Parent Id"));
        op.run(new ColumnOp.CommentOnColumn(table, "id", "$tag$ x $tag$ '; DROP TABLE x; --", null));

        // names exactly as given
        assertThat(catalog.schemaExists(schema)).isTrue();
        List<String> expectedColumns = new ArrayList<>();
        expectedColumns.add("id");
        expectedColumns.addAll(NAMES);
        expectedColumns.add("mood");
        assertThat(catalog.column(
                        "select column_name from information_schema.columns where table_schema = ? "
                                + "and table_name = ? order by ordinal_position",
                        schema,
                        table.name()))
                .isEqualTo(expectedColumns);
        assertThat(catalog.column(
                        "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                                + "where n.nspname = ? order by c.relname",
                        schema))
                .containsExactlyInAnyOrder(
                        table.name(),
                        child.name(),
                        "seq 'ids'",
                        "ix \"1\"; DROP TABLE x; --",
                        "Tab'le \"select\"_pkey",
                        "uq \"select\"; --");
        assertThat(catalog.column(
                        "select conname from pg_constraint where connamespace = ?::regnamespace and contype <> 'n' "
                                + "order by conname",
                        Identifiers.quote(schema)))
                .containsExactlyInAnyOrder("Tab'le \"select\"_pkey", "uq \"select\"; --", "ck 'order'", "fk \"order\"");
        assertThat(catalog.enumLabels(schema, type.name())).isEqualTo(labels);
        assertThat(catalog.scalar("select pg_get_serial_sequence(?, ?)", Identifiers.quote(child), "Parent Id"))
                .isEqualTo(Identifiers.quote(QualifiedName.of(schema, "seq 'ids'")));

        // values exactly as given: comments, defaults, a check and a partial index that mean what they say
        assertThat(catalog.tableComment(schema, table.name())).isEqualTo("'; DROP TABLE x; -- $$ \\ ünï\nnext");
        assertThat(catalog.columnComment(schema, table.name(), "id")).isEqualTo("$tag$ x $tag$ '; DROP TABLE x; --");
        op.sql("INSERT INTO " + Identifiers.quote(table) + " (id) VALUES (1)");
        for (int i = 0; i < NAMES.size(); i++) {
            String value = LiteralsTest.HOSTILE.get(i % LiteralsTest.HOSTILE.size());
            // PostgreSQL stores an empty comment as no comment
            assertThat(catalog.columnComment(schema, table.name(), NAMES.get(i)))
                    .as(NAMES.get(i))
                    .isEqualTo(value.isEmpty() ? null : value);
            assertThat(catalog.scalar(
                            "select " + Identifiers.quote(NAMES.get(i)) + " from " + Identifiers.quote(table)))
                    .as(NAMES.get(i))
                    .isEqualTo(value);
        }
        assertThat(catalog.scalar("select mood::text from " + Identifiers.quote(table)))
                .isEqualTo(labels.get(4));
        assertThatThrownBy(() -> op.sql("INSERT INTO " + Identifiers.quote(table) + " (id, \"order\") VALUES (2, "
                        + Literals.string("'; DROP TABLE x; --") + ")"))
                .hasMessageContaining("ck 'order'");

        // renames, data and the reverses are just as safe
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 2);
        for (String name : NAMES) {
            row.put(name, name + " ' \\ $$");
        }
        op.run(new DataOp.BulkInsert(table, List.of(row)));
        for (String name : NAMES) {
            assertThat(catalog.scalar("select " + Identifiers.quote(name) + " from " + Identifiers.quote(table)
                            + " where id = 2"))
                    .isEqualTo(name + " ' \\ $$");
        }
        op.execute(new EnumOp.RenameEnumValue(type, labels.get(0), "'; DROP TYPE x; --"));
        assertThat(catalog.enumLabels(schema, type.name()).get(0)).isEqualTo("'; DROP TYPE x; --");
        op.execute(new EnumOp.RenameEnumValue(type, "'; DROP TYPE x; --", labels.get(0)));
        op.execute(new EnumOp.AddEnumValue(type, "new ' \\ label", null, labels.get(1)));
        assertThat(catalog.enumLabels(schema, type.name()).get(2)).isEqualTo("new ' \\ label");
        op.execute(new ColumnOp.RenameColumn(table, "select", "us\"er; --"));
        op.execute(new ColumnOp.RenameColumn(table, "us\"er; --", "select"));
        op.execute(new TableOp.RenameTable(table, "Ren'amed; --"));
        assertThat(catalog.relationExists(schema, "Ren'amed; --")).isTrue();
        op.execute(new TableOp.RenameTable(table.sibling("Ren'amed; --"), table.name()));

        // nothing else was touched; undoing every recorded op leaves the database as it was
        assertThat(catalog.scalar("select count(*) from x")).isEqualTo("1");
        op.execute(new TableOp.DropTable(child, null));
        List<Op> executed = op.executed();
        op.forget();
        for (int i = executed.size() - 1; i >= 0; i--) {
            Op done = executed.get(i);
            if ((done instanceof TableOp.CreateTable t && t.table().equals(child))
                    || done instanceof DataOp.BulkInsert) {
                continue;
            }
            if (done instanceof SequenceOp.CreateSequence) {
                continue; // dropped with the child table that owned it
            }
            op.execute(done.reverse().orElseThrow());
        }
        assertThat(catalog.snapshot()).isEqualTo(before);
        assertThat(catalog.scalar("select count(*) from x")).isEqualTo("1");
    }

    @Test
    void everyHostileNameWorksForEveryKindOfObject() {
        List<String> before = catalog.snapshot();
        for (String name : NAMES) {
            op.run(new SchemaOp.CreateSchema(name, false));
            QualifiedName table = QualifiedName.of(name, name);
            op.run(new TableOp.CreateTable(table, List.of(column(name, "integer"), column("v", "text")), null));
            op.run(new ColumnOp.AddColumn(table, Column.of(name + "2", "text").comment(name)));
            op.run(new IndexOp.CreateIndex(
                    name + "_ix",
                    table,
                    List.of(IndexKey.Column.of(name)),
                    false,
                    false,
                    null,
                    List.of(),
                    false,
                    null));
            op.run(new ConstraintOp.AddConstraint(table, check(name + "_ck", Identifiers.quote(name) + " > 0")));
            op.run(new EnumOp.CreateEnum(QualifiedName.of(name, name + "_e"), List.of(name)));
            op.run(new SequenceOp.CreateSequence(QualifiedName.of(name, name + "_s"), SequenceOptions.DEFAULTS, null));
            op.run(new TableOp.CommentOnTable(table, name, null));

            assertThat(catalog.column(
                            "select column_name from information_schema.columns where table_schema = ? "
                                    + "and table_name = ? order by ordinal_position",
                            name,
                            name))
                    .containsExactly(name, "v", name + "2");
            assertThat(catalog.indexDef(name, name + "_ix")).isNotNull();
            assertThat(catalog.constraintDef(name, name, name + "_ck")).isNotNull();
            assertThat(catalog.enumLabels(name, name + "_e")).containsExactly(name);
            assertThat(catalog.relationExists(name, name + "_s")).isTrue();
            assertThat(catalog.tableComment(name, name)).isEqualTo(name);
            assertThat(catalog.columnComment(name, name, name + "2")).isEqualTo(name);
        }
        assertThat(catalog.column("select nspname from pg_namespace where nspname not like 'pg\\_%' "
                        + "and nspname not in ('information_schema', 'public')"))
                .containsExactlyInAnyOrderElementsOf(NAMES);
        op.undoAll();
        assertThat(catalog.snapshot()).isEqualTo(before);
    }

    /**
     * Every name argument of every operation of the public API, given a name that would end the
     * statement if it were sent as SQL: each call must create or find exactly that object, and the
     * canary table {@code x} must survive every one.
     */
    @Test
    void everyNameArgumentOfTheApiIsQuoted() {
        for (String h : List.of("id); DROP TABLE x; --", "x\"; DROP TABLE x; --", "x'); DROP TABLE x; --")) {
            List<String> before = catalog.snapshot();
            String child = h + " child";
            Map<String, Runnable> calls = new LinkedHashMap<>();
            calls.put("createSchema", () -> op.createSchema(h));
            calls.put(
                    "createTable", () -> op.createTable(h, column(h, "integer").notNull(), column("v", "text")));
            calls.put("addColumn", () -> op.addColumn(h, column(h + "2", "text")));
            calls.put("renameColumn", () -> op.renameColumn(h, h + "2", h + "3"));
            calls.put("commentOnColumn", () -> op.commentOnColumn(h, h, h));
            calls.put("commentOnTable", () -> op.commentOnTable(h, h));
            calls.put("alterColumnType", () -> op.alterColumnType(h, h + "3", "varchar(20)"));
            calls.put("setDefault", () -> op.setDefault(h, h + "3", "'d'"));
            calls.put("dropDefault", () -> op.dropDefault(h, h + "3"));
            calls.put("setNotNull", () -> op.setNotNull(h, "v"));
            calls.put("dropNotNull", () -> op.dropNotNull(h, "v"));
            calls.put("createIndex", () -> op.createIndex(h + " ix", h, h, h + "3"));
            calls.put(
                    "createIndex(index)",
                    () -> op.createIndex(index(h + " ix2", h, h).unique().include(h + "3")));
            calls.put(
                    "createIndex(keys)",
                    () -> op.createIndex(index(h + " ix3", h, Ddl.desc(h).nullsLast(), Ddl.key("v"))));
            calls.put("addPrimaryKey", () -> op.addPrimaryKey(h, h + " pk", h));
            calls.put("addUnique", () -> op.addUnique(h, h + " uq", h, h + "3"));
            calls.put("createChild", () -> op.createTable(child, column(h, "integer")));
            calls.put(
                    "addForeignKey",
                    () -> op.addForeignKey(
                            child, foreignKey(h + " fk", h).references(h, h).notValid()));
            calls.put("validateConstraint", () -> op.validateConstraint(child, h + " fk"));
            calls.put("dropConstraint", () -> op.dropConstraint(h, h + " uq"));
            calls.put("createEnum", () -> op.createEnum(h + " e", h));
            calls.put("addEnumValue", () -> op.addEnumValueAfter(h + " e", h + "!", h));
            calls.put("renameEnumValue", () -> op.renameEnumValue(h + " e", h + "!", h + "?"));
            calls.put("createSequence", () -> op.createSequence(h + " s"));
            calls.put("bulkInsert", () -> op.bulkInsert(h, List.of(Map.of(h, 1, "v", h))));
            calls.put("renameTable", () -> op.renameTable(h, h + " r"));
            calls.put("renameTableBack", () -> op.renameTable(h + " r", h));
            calls.put("dropIndex", () -> op.dropIndex(h + " ix"));
            calls.put("dropChild", () -> op.dropTable(child));
            calls.put("dropColumn", () -> op.dropColumn(h, h + "3"));
            calls.put("dropSequence", () -> op.dropSequence(h + " s"));
            calls.put("dropEnum", () -> op.dropEnum(h + " e"));
            calls.put("dropTable", () -> op.dropTable(h));
            calls.put("dropSchema", () -> op.dropSchema(h));
            calls.forEach((name, call) -> {
                call.run();
                assertThat(catalog.scalar("select count(*) from x"))
                        .as("after %s with the name %s", name, h)
                        .isEqualTo("1");
                if (name.equals("createIndex")) {
                    assertThat(catalog.indexDef("public", h + " ix"))
                            .contains(Identifiers.quote(h) + ", " + Identifiers.quote(h + "3"));
                }
                if (name.equals("bulkInsert")) {
                    assertThat(catalog.scalar("select v from " + Identifiers.quote(h)))
                            .isEqualTo(h);
                }
            });
            assertThat(catalog.snapshot())
                    .as("every object was dropped again by its name")
                    .isEqualTo(before);
        }
    }

    @Test
    void nulCharactersAreRefusedWithAClearMessage() {
        PostgresDialect dialect = new PostgresDialect();
        QualifiedName table = QualifiedName.parse("t");
        List<Op> ops = List.of(
                new TableOp.CreateTable(QualifiedName.parse("a\0b"), List.of(column("id", "integer")), null),
                new ColumnOp.AddColumn(table, column("c\0", "text")),
                new TableOp.CommentOnTable(table, "bad\0comment", null),
                new ColumnOp.CommentOnColumn(table, "c", "bad\0", null),
                new EnumOp.CreateEnum(QualifiedName.parse("e"), List.of("ok", "bad\0")),
                new DataOp.BulkInsert(table, List.of(Map.of("c", "bad\0value"))),
                new SchemaOp.CreateSchema("s\0", false),
                new IndexOp.CreateIndex(
                        "ix\0", table, List.of(IndexKey.Column.of("c")), false, false, null, List.of(), false, null));
        for (Op bad : ops) {
            assertThatThrownBy(() -> dialect.render(bad))
                    .as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NUL character");
        }
        assertThatThrownBy(() -> Identifiers.quote("a\0b"))
                .hasMessage("The identifier a\\0b contains a NUL character, which PostgreSQL does not allow in names.");
    }

    @Test
    void quotingIsExactlyWhenNeeded() {
        assertThat(Identifiers.quote("agents")).isEqualTo("agents");
        assertThat(Identifiers.quote("a$b")).isEqualTo("a$b");
        assertThat(Identifiers.quote("UpperCase")).isEqualTo("\"UpperCase\"");
        assertThat(Identifiers.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(Identifiers.quote("select")).isEqualTo("\"select\"");
        assertThat(Identifiers.quote("1leading")).isEqualTo("\"1leading\"");
        assertThat(Identifiers.quote("$dollar")).isEqualTo("\"$dollar\"");
        assertThat(Identifiers.quote("ünï")).isEqualTo("\"ünï\"");
        assertThat(Identifiers.quote("_x1$")).isEqualTo("_x1$");
        assertThat(Identifiers.quote("lastcapitaL")).isEqualTo("\"lastcapitaL\"");
        assertThat(Identifiers.quote("a-b")).isEqualTo("\"a-b\"");
        assertThat(Identifiers.quote("a b")).isEqualTo("\"a b\"");
        assertThat(Identifiers.quote(QualifiedName.of("app", "user"))).isEqualTo("app.\"user\"");
        assertThatThrownBy(() -> Identifiers.quote("")).hasMessageContaining("must not be empty");
    }
}
