package dev.migrate.catalog.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Table;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The reader's queries of a few of many schemas reach what those schemas hold through indexes, never by reading a catalog
 * that grows with the database whole ({@link ManySchemas}): each query reached its tables by their schema column,
 * which no index leads with, until a fleet of 5,000 tenant schemas made {@code drift} cost the square of its size.
 */
class CatalogScansTest {
    @Test
    void aReadOfSomeTenantsReadsNoGrowingCatalogWhole() throws Exception {
        DataSource db = ManySchemas.of(60);
        try (Connection c = db.getConnection()) {
            int version = c.getMetaData().getDatabaseMajorVersion() * 10000;
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("tables", CatalogQueries.TABLES.formatted(CatalogQueries.detachPending(version)));
            queries.put("columns", CatalogQueries.COLUMNS);
            queries.put(
                    "constraints",
                    CatalogQueries.CONSTRAINTS.formatted(
                            CatalogQueries.enforced(version),
                            CatalogQueries.deleteSetColumns(version),
                            CatalogQueries.nullsNotDistinct(version)));
            queries.put("indexes", CatalogQueries.INDEXES.formatted(CatalogQueries.nullsNotDistinct(version)));
            queries.put("sequences", CatalogQueries.SEQUENCES);
            queries.put("enums", CatalogQueries.ENUMS);
            queries.put("objects not read", UnreadObjects.query(version / 10000, true));
            for (var query : queries.entrySet()) {
                assertThat(ManySchemas.wholeScans(
                                c, CatalogQueries.inSchemas(query.getValue(), true), List.of("tenant_2", "tenant_3")))
                        .as(query.getKey())
                        .isEmpty();
            }

            // a few of many schemas are reached through the index; read by the schema column, the same
            List<String> some = List.of("tenant_3", "tenant_4", "tenant_5");
            assertThat(new CatalogReader(true).read(c, some)).isEqualTo(new CatalogReader(false).read(c, some));
            DatabaseSchema read = new CatalogReader().read(c, List.of("tenant_3"));
            assertThat(read.tables().keySet())
                    .extracting(ObjectName::toString)
                    .containsExactly("tenant_3.child", "tenant_3.parent");
            Table child = Objects.requireNonNull(read.tables().get(ObjectName.of("tenant_3", "child")));
            assertThat(child.foreignKeys())
                    .singleElement()
                    .satisfies(
                            fk -> assertThat(fk.referencedTableName()).isEqualTo(ObjectName.of("tenant_3", "parent")));
            assertThat(child.indexes()).hasSize(1);
            assertThat(child.comment()).isEqualTo("children");
            assertThat(read.enumTypes().keySet()).containsExactly(ObjectName.of("tenant_3", "mood"));
        }
    }
}
