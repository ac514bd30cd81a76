package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.assertNoChanges;
import static dev.migrate.autogen.fixpoint.Fixtures.run;
import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.MigrateException;
import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.entity.DeclaredDistribution;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.write.MigrationWriter;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.op.CitusOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.TableOp;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Entities that say how a Citus coordinator spreads their tables ({@code @Distributed}, {@code
 * @ReferenceTable}), compared on plain PostgreSQL: the tables they create get the distribution calls after
 * them, reference tables first, each colocation group's leader (the table the others colocate with) before
 * the tables colocated with it, and the foreign keys after all of those; a key without the distribution
 * column stops the comparison.
 */
@LongSuite
class CitusEntitiesTest {
    private final Comparisons comparison = Comparisons.of("public");

    private static List<String> ddl(String entityPackage) throws Exception {
        Path classes = location(CitusEntitiesTest.class);
        return new EntityDdl(List.of(classes), List.of(entityPackage), null, Map.of())
                .generate(CitusEntitiesTest.class.getClassLoader(), 18);
    }

    @Test
    void theProviderHandsBackWhatTheAnnotationsDeclareBesideItsDdl() throws Exception {
        DeclaredDistribution.Split split = DeclaredDistribution.split(ddl("dev.migrate.autogen.fixpoint.citus"));
        assertThat(split.ddl()).noneMatch(DeclaredDistribution::isLine);
        assertThat(split.declared())
                .containsExactlyInAnyOrder(
                        new DeclaredDistribution(
                                DeclaredDistribution.Kind.REFERENCE,
                                "dev.migrate.autogen.fixpoint.citus.Country",
                                "Country",
                                "",
                                "countries",
                                "",
                                "",
                                1),
                        new DeclaredDistribution(
                                DeclaredDistribution.Kind.REFERENCE,
                                "dev.migrate.autogen.fixpoint.citus.Currency",
                                "Currency",
                                "",
                                "",
                                "",
                                "",
                                1),
                        new DeclaredDistribution(
                                DeclaredDistribution.Kind.DISTRIBUTED,
                                "dev.migrate.autogen.fixpoint.citus.Customer",
                                "Customer",
                                "",
                                "customers",
                                "id",
                                "",
                                4),
                        new DeclaredDistribution(
                                DeclaredDistribution.Kind.DISTRIBUTED,
                                "dev.migrate.autogen.fixpoint.citus.CustomerOrder",
                                "CustomerOrder",
                                "",
                                "orders",
                                "customer_id",
                                "customers",
                                32));
    }

    @Test
    void newTablesAreDistributedAfterTheyAreCreatedInTheOrderCitusNeedsWithTheForeignKeysLast() throws Exception {
        List<String> ddl = ddl("dev.migrate.autogen.fixpoint.citus");
        try (Connection c = TestPostgres.freshDatabase("citus_entities").getConnection()) {
            MigrationScript first = comparison.compare(c, ddl);
            List<Op> ops = first.upgrade();
            Op countries = new CitusOp.CreateReferenceTable(new QualifiedName(null, "countries"));
            Op currency = new CitusOp.CreateReferenceTable(new QualifiedName(null, "currency"));
            Op customers = new CitusOp.DistributeTable(
                    new QualifiedName(null, "customers"), "id", CitusOp.DistributeTable.NONE, 4);
            Op orders =
                    new CitusOp.DistributeTable(new QualifiedName(null, "orders"), "customer_id", "customers", null);
            assertThat(ops).containsSubsequence(countries, customers, orders);
            assertThat(ops).containsSubsequence(currency, customers);
            int lastTable = lastIndexOf(ops, TableOp.CreateTable.class);
            int firstDistribution = ops.indexOf(countries);
            assertThat(lastTable)
                    .as("every table is created before the first is distributed")
                    .isLessThan(Math.min(firstDistribution, ops.indexOf(currency)));
            List<Integer> foreignKeys = indexesOf(
                    ops,
                    op -> op instanceof ConstraintOp.AddConstraint add
                            && add.constraint() instanceof Constraint.ForeignKey);
            assertThat(foreignKeys).hasSize(2).allMatch(at -> at > ops.indexOf(orders));
            assertThat(first.descriptions())
                    .contains(
                            "table public.customers: not distributed -> distributed by id in 4 shards (@Distributed on"
                                    + " dev.migrate.autogen.fixpoint.citus.Customer)")
                    .contains("table public.orders: not distributed -> distributed by customer_id in 4"
                            + " shards, colocated with public.customers (@Distributed on"
                            + " dev.migrate.autogen.fixpoint.citus.CustomerOrder)");
            // undone the other way round: the keys, the distribution, then the tables
            List<Op> down = first.downgrade();
            assertThat(down.indexOf(new CitusOp.UndistributeTable(
                            new QualifiedName(null, "orders"), (CitusOp.TableDistribution) orders)))
                    .isGreaterThan(lastIndexOf(down, ConstraintOp.DropConstraint.class))
                    .isLessThan(down.indexOf(down.stream()
                            .filter(op -> op instanceof TableOp.DropTable)
                            .findFirst()
                            .orElseThrow()));

            // plain PostgreSQL has no create_distributed_table: the tables alone, as a server without Citus reads
            run(
                    c,
                    ops.stream()
                            .filter(op -> !(op instanceof CitusOp.TableDistribution))
                            .toList());
            // the tables are there: a server without Citus cannot say how they are spread, so nothing more is asked
            assertNoChanges(comparison.compare(c, ddl));
        }
    }

    @Test
    void entitiesMappedInXmlSayItInTheDescriptionOfTheirEntityElement() throws Exception {
        Path classes = location(CitusEntitiesTest.class);
        // the unit maps the classes in META-INF/citus-orm.xml, which Hibernate reads as well
        List<String> ddl = new EntityDdl(
                        List.of(classes), List.of("dev.migrate.autogen.fixpoint.citusxml"), "citus-xml", Map.of())
                .generate(CitusEntitiesTest.class.getClassLoader(), 18);
        String xml = "dev.migrate.autogen.fixpoint.citusxml.";
        assertThat(DeclaredDistribution.split(ddl).declared())
                .containsExactlyInAnyOrder(
                        new DeclaredDistribution(
                                DeclaredDistribution.Kind.REFERENCE,
                                xml + "Region",
                                "Region",
                                "",
                                "regions",
                                "",
                                "",
                                1),
                        new DeclaredDistribution(
                                DeclaredDistribution.Kind.DISTRIBUTED, xml + "Shop", "Shop", "", "shops", "id", "", 8),
                        new DeclaredDistribution(
                                DeclaredDistribution.Kind.DISTRIBUTED,
                                xml + "Sale",
                                "Sale",
                                "",
                                "sales",
                                "shop_id",
                                "shops",
                                32));
        try (Connection c = TestPostgres.freshDatabase("citus_xml").getConnection()) {
            List<Op> ops = comparison.compare(c, ddl).upgrade();
            // the group is led by shops, which sales colocates with, with its shard count
            assertThat(ops)
                    .containsSubsequence(
                            new CitusOp.CreateReferenceTable(new QualifiedName(null, "regions")),
                            new CitusOp.DistributeTable(
                                    new QualifiedName(null, "shops"), "id", CitusOp.DistributeTable.NONE, 8),
                            new CitusOp.DistributeTable(new QualifiedName(null, "sales"), "shop_id", "shops", null));
        }
    }

    @Test
    void aColocationGroupIsLedByTheTableTheEntitiesColocateWithWhateverItsName() throws Exception {
        List<String> ddl = ddl("dev.migrate.autogen.fixpoint.citustenants");
        try (Connection c = TestPostgres.freshDatabase("citus_tenants").getConnection()) {
            MigrationScript script = comparison.compare(c, ddl);
            assertThat(script.upgrade().stream()
                            .filter(op -> op instanceof CitusOp.DistributeTable)
                            .toList())
                    .containsExactly(
                            new CitusOp.DistributeTable(
                                    new QualifiedName(null, "tenants"), "id", CitusOp.DistributeTable.NONE, 8),
                            new CitusOp.DistributeTable(
                                    new QualifiedName(null, "invoices"), "tenant_id", "tenants", null),
                            new CitusOp.DistributeTable(
                                    new QualifiedName(null, "orders"), "tenant_id", "tenants", null));
            assertThat(script.descriptions())
                    .contains("table public.invoices: not distributed -> distributed by tenant_id in 8 shards,"
                            + " colocated with public.tenants (@Distributed on"
                            + " dev.migrate.autogen.fixpoint.citustenants.Invoice)");

            String source = new MigrationWriter(Path.of("unused"), "db.migrations")
                    .toJavaFile(NewMigration.autogenerated("20261128_090000", List.of(), "tenants", script))
                    .toString();
            String upgrade = source.substring(source.indexOf("void upgrade"), source.indexOf("void downgrade"));
            assertThat(upgrade)
                    .containsSubsequence(
                            "op.distributeTable(\"tenants\", \"id\", \"none\", 8);",
                            "op.distributeTable(\"invoices\", \"tenant_id\", \"tenants\");",
                            "op.distributeTable(\"orders\", \"tenant_id\", \"tenants\");")
                    .doesNotContain("\"invoices\", \"tenant_id\", \"none\"");
        }
    }

    @Test
    void aPrimaryKeyWithoutTheDistributionColumnStopsTheComparisonNamingTheEntityTheKeyAndTheFix() throws Exception {
        List<String> ddl = ddl("dev.migrate.autogen.fixpoint.cituskeys");
        try (Connection c = TestPostgres.freshDatabase("citus_keys").getConnection()) {
            MigrateException e = catchThrowableOfType(MigrateException.class, () -> comparison.compare(c, ddl));
            assertThat(e.getMessage())
                    .isEqualTo("The entity dev.migrate.autogen.fixpoint.cituskeys.Account is @Distributed(column ="
                            + " \"tenant_id\"), but the primary key accounts_pkey (id) of its table public.accounts"
                            + " does not include tenant_id, and Citus refuses to distribute a table whose primary key"
                            + " or unique constraints leave the distribution column out. Add tenant_id to the key (an"
                            + " @IdClass or @EmbeddedId with it, or the unique constraint's columns), or distribute by"
                            + " a column the keys share.");
        }
    }

    private static int lastIndexOf(List<Op> ops, Class<? extends Op> type) {
        List<Integer> at = indexesOf(ops, type::isInstance);
        return at.isEmpty() ? -1 : at.get(at.size() - 1);
    }

    private static List<Integer> indexesOf(List<Op> ops, java.util.function.Predicate<Op> test) {
        List<Integer> at = new java.util.ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (test.test(ops.get(i))) {
                at.add(i);
            }
        }
        return at;
    }
}
