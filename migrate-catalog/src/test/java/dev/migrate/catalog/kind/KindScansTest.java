package dev.migrate.catalog.kind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.read.ManySchemas;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The objects beside tables of some schemas are found and read through indexes too: neither the probe of which
 * kinds they have nor any kind's query reads a catalog that grows with the database whole ({@link ManySchemas}).
 */
class KindScansTest {
    private static final List<String> SOME = List.of("tenant_2", "tenant_3");

    @Test
    void aReadOfSomeTenantsObjectsReadsNoGrowingCatalogWhole() throws Exception {
        try (Connection c = ManySchemas.of(60).getConnection()) {
            int version = c.getMetaData().getDatabaseMajorVersion() * 10000;
            assertThat(ManySchemas.wholeScans(c, ObjectReader.presence(true), SOME))
                    .as("the probe")
                    .isEmpty();
            for (KindReading kind : Kinds.ALL) {
                assertThat(ManySchemas.wholeScans(c, ObjectReader.objectsQuery(version, List.of(kind), true), SOME))
                        .as(kind.getClass().getSimpleName())
                        .isEmpty();
            }

            assertThat(ObjectReader.readThrough(c, SOME, true)).isEqualTo(ObjectReader.readThrough(c, SOME, false));
            assertThat(ObjectReader.read(c, List.of("tenant_3")))
                    .extracting(o -> o.id().kind() + " " + o.id().identity())
                    .containsExactlyInAnyOrder(
                            "VIEW tenant_3.names",
                            "FUNCTION tenant_3.one()",
                            "POLICY mine ON tenant_3.parent",
                            "ROW_LEVEL_SECURITY tenant_3.parent",
                            "STATISTICS tenant_3.pair",
                            "COLLATION tenant_3.plain");
        }
    }
}
