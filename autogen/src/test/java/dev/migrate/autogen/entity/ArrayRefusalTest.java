package dev.migrate.autogen.entity;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.entity.matrix.Customer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hibernate 6.2's refusal of an array column, in migrate's words: the entity, the field and the way out. Hibernate
 * 6.2 does not resolve offline here, so its failure is built as it throws it (hibernate-orm 6.2's {@code
 * Column.getSqlType}: a {@code MappingException} caused by {@code DdlTypeRegistry}'s "No type mapping").
 */
class ArrayRefusalTest {
    private static final String PROVIDER = "org.hibernate.jpa.HibernatePersistenceProvider 6.2.49.Final";

    @Test
    void hibernate62sRefusalOfAnArrayNamesTheEntityTheFieldAndTheWayOut() throws Exception {
        RuntimeException failure = new IllegalStateException(
                "Unable to determine SQL type name for column 'nicknames' of table 'matrix_customer'",
                new IllegalArgumentException("No type mapping for org.hibernate.type.SqlTypes code: 2003 (ARRAY)"));

        assertThat(ArrayRefusal.of(
                        failure, PROVIDER, List.of(classes()), getClass().getClassLoader()))
                .contains("The JPA provider (" + PROVIDER + ") has no SQL array type (ARRAY), so it cannot write column"
                        + " 'nicknames' of table 'matrix_customer' (entity " + Customer.class.getName()
                        + ", field nicknames): Hibernate writes array columns from 6.4 on. Move to Hibernate 6.4 or"
                        + " later, or map the field otherwise (an @ElementCollection, or an AttributeConverter to"
                        + " text).");
    }

    @Test
    void anEntityItCannotFindIsLeftUnnamedAndOtherFailuresAreNotThisOne() throws Exception {
        RuntimeException elsewhere = new IllegalStateException(
                "Unable to determine SQL type name for column 'tags' of table 'posts'",
                new IllegalArgumentException("No type mapping for org.hibernate.type.SqlTypes code: 2003 (ARRAY)"));
        assertThat(ArrayRefusal.of(
                        elsewhere, PROVIDER, List.of(classes()), getClass().getClassLoader()))
                .hasValueSatisfying(m -> assertThat(m)
                        .contains("column 'tags' of table 'posts': Hibernate writes")
                        .doesNotContain("entity "));
        RuntimeException other = new IllegalStateException(
                "Unable to determine SQL type name for column 'tags' of table 'posts'",
                new IllegalArgumentException("No type mapping for org.hibernate.type.SqlTypes code: 1111 (OTHER)"));
        assertThat(ArrayRefusal.of(
                        other, PROVIDER, List.of(classes()), getClass().getClassLoader()))
                .isEmpty();
    }

    private static Path classes() {
        return location(Customer.class);
    }
}
