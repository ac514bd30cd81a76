package dev.migrate.autogen.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution an entity mapped in XML declares in its {@code <description>}: read with the class named
 * in the file's package, and refused, naming the entity, the file and the fix, when its members are not the
 * annotation's.
 */
class OrmXmlDistributionsTest {
    @TempDir
    Path dir;

    private List<DeclaredDistribution> read(String entities) throws Exception {
        Path file = dir.resolve("orm.xml");
        Files.writeString(
                file,
                "<entity-mappings xmlns=\"https://jakarta.ee/xml/ns/persistence/orm\" version=\"3.0\">"
                        + "<package>com.example</package>" + entities + "</entity-mappings>");
        List<DeclaredDistribution> declared = new ArrayList<>();
        OrmXmlDistributions.read(file.toUri().toURL(), "META-INF/orm.xml", declared);
        return declared;
    }

    @Test
    void anEntityWithoutTheAnnotationsFormInItsDescriptionDeclaresNothing() throws Exception {
        assertThat(read("<entity class=\"Note\"><description>Notes, kept on the coordinator.</description></entity>"
                        + "<entity class=\"Tag\"><description>Not @DistributedLater, nor @ReferenceTables.</description>"
                        + "</entity>"))
                .isEmpty();
    }

    @Test
    void theAnnotationsFormIsReadWithTheEntitysTableAndName() throws Exception {
        assertThat(read("<entity class=\"Order\" name=\"PurchaseOrder\"><description>\n"
                        + "  @Distributed(column = \"customer_id\", colocateWith = \"sales.customers\", shardCount = 16)\n"
                        + "</description><table name=\"orders\" schema=\"sales\"/></entity>"
                        + "<entity class=\"org.other.Country\"><description>@ReferenceTable()</description></entity>"))
                .containsExactly(
                        new DeclaredDistribution(
                                DeclaredDistribution.Kind.DISTRIBUTED,
                                "com.example.Order",
                                "PurchaseOrder",
                                "sales",
                                "orders",
                                "customer_id",
                                "sales.customers",
                                16),
                        new DeclaredDistribution(
                                DeclaredDistribution.Kind.REFERENCE,
                                "org.other.Country",
                                "Country",
                                "",
                                "",
                                "",
                                "",
                                1));
    }

    @Test
    void aMemberTheAnnotationHasNotIsRefusedNamingTheEntityAndTheFile() {
        IllegalArgumentException e = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> read("<entity class=\"Order\"><description>@Distributed(colum = \"customer_id\")</description>"
                        + "</entity>"));
        assertThat(e.getMessage())
                .isEqualTo("The <description> of the entity com.example.Order in the mapping file META-INF/orm.xml says"
                        + " @Distributed(colum = \"customer_id\"), and 'colum = \"customer_id\"' is not one of its"
                        + " members. Write them as the annotation has them: @Distributed(column = \"customer_id\","
                        + " colocateWith = \"customers\", shardCount = 32), colocateWith and shardCount optional.");
        IllegalArgumentException noColumn = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> read("<entity class=\"Order\"><description>@Distributed</description></entity>"));
        assertThat(noColumn.getMessage())
                .startsWith("The <description> of the entity com.example.Order in the mapping"
                        + " file META-INF/orm.xml says @Distributed without its column.");
    }
}
