package dev.migrate.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.autogen.AutogenerateResult;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.autogen.TestThrowaways;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.imports.flyway.FlywayMigrations;
import dev.migrate.imports.flyway.FlywaySettings;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usual loop after the import: autogenerate continues from the imported head, and entities that matched the old
 * chain find no difference there, the function, trigger and view it built being declared objects now.
 */
@LongSuite
class AutogenerateAfterImportTest {
    private static final Path MIGRATIONS =
            Path.of("src/test/resources/moving-in/flyway/db/migration").toAbsolutePath();
    private static final String PACKAGE = "db.imported.autogenerate";
    /** The tables of the Flyway chain, as a provider matching them writes them. */
    private static final List<String> ENTITIES = List.of(
            "CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,"
                    + " email text, updated_at timestamptz)",
            "COMMENT ON TABLE customers IS 'who buys; it''s quoted'",
            "CREATE UNIQUE INDEX customers_email ON customers (email)",
            "CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id),"
                    + " total numeric(10, 2) NOT NULL DEFAULT 0)",
            "CREATE INDEX orders_customer ON orders (customer_id)");

    private static Migrator chain;
    private static Path objects;

    @BeforeAll
    static void importAndProve(@TempDir Path work) {
        OldChain old =
                FlywayMigrations.read(FlywaySettings.read(MIGRATIONS, Map.of("locations", "filesystem:" + MIGRATIONS)));
        List<ImportedRevisions.Written> revisions = new ImportedRevisions(PACKAGE).of(old, null);
        try (ToolLoader flyway = TestTools.loader(OldTool.FLYWAY)) {
            ImportProof.Result proof = new ImportProof("public", List.of("flyway_schema_history"))
                    .prove(
                            TestTools.flyway(flyway, List.of(MIGRATIONS)),
                            TestPostgres.freshDatabase("autogen_flyway"),
                            revisions,
                            PACKAGE,
                            List.of(),
                            work.resolve("proof"),
                            TestPostgres.freshDatabase("autogen_migrate"));
            assertThat(proof.differences()).isEmpty();
            objects = work.resolve("objects");
            List<Path> files =
                    dev.migrate.imports.DeclaredObjects.write(objects.resolve("flyway"), OldTool.FLYWAY, proof.built());
            assertThat(files.stream().map(f -> objects.relativize(f).toString()))
                    .contains("flyway/function/public.touch_.sql", "flyway/view/public.customer_totals.sql")
                    .anyMatch(f -> f.startsWith("flyway/trigger/"));
        }
        ClassLoader classes = WrittenClasses.compile(
                revisions, List.of(), work.resolve("classes"), AutogenerateAfterImportTest.class.getClassLoader());
        chain = Migrator.builder().classLoader(classes).packages(PACKAGE).build();
    }

    @Test
    void entitiesThatMatchedTheOldChainFindNoDifferenceAtTheImportPoint() {
        assertThat(autogenerate(ENTITIES).script().isEmpty()).isTrue();
    }

    @Test
    void theNextChangeIsWrittenFromTheImportedHead() {
        List<String> changed = new ArrayList<>(ENTITIES);
        changed.add("ALTER TABLE customers ADD COLUMN phone text");
        AutogenerateResult next = autogenerate(changed);
        assertThat(next.script().descriptions()).containsExactly("added column public.customers.phone");
    }

    /** The declared objects are what keeps the chain's function, trigger and view: one left out would be dropped. */
    @Test
    void anObjectTheImportDidNotDeclareWouldBeDropped(@TempDir Path partial) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(objects)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                if (!file.toString().contains("trigger")) {
                    Path copy = partial.resolve(objects.relativize(file));
                    java.nio.file.Files.createDirectories(copy.getParent());
                    java.nio.file.Files.copy(file, copy);
                }
            }
        }
        assertThat(autogenerate(ENTITIES, partial).script().descriptions())
                .anySatisfy(d -> assertThat(d).contains("trigger").contains("customers_touch"));
    }

    private static AutogenerateResult autogenerate(List<String> ddl) {
        return autogenerate(ddl, objects);
    }

    private static AutogenerateResult autogenerate(List<String> ddl, Path declared) {
        AutogenerateRequest request = AutogenerateRequest.builder(chain, new EntityDdlSource() {
                    @Override
                    public String key(int serverMajorVersion) {
                        return serverMajorVersion + "\n" + String.join("\n", ddl);
                    }

                    @Override
                    public List<String> generate(int serverMajorVersion) {
                        return ddl;
                    }
                })
                .declaringObjects(DeclaredObjects.in(declared, "db/objects"))
                .build();
        return Autogenerate.run(request, new TestThrowaways(null), line -> {});
    }
}
