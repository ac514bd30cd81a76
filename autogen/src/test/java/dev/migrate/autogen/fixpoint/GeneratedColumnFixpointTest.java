package dev.migrate.autogen.fixpoint;

import static dev.migrate.autogen.fixpoint.Fixtures.execute;
import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Comparisons;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedColumnFixpointTest {

    @Test
    void aGeneratedColumnOfTheEntitiesConverges() throws Exception {
        Path classes = location(getClass());
        List<String> ddl = new EntityDdl(
                        List.of(classes), List.of("dev.migrate.autogen.fixpoint.generated"), null, Map.of())
                .generate(getClass().getClassLoader(), 18);
        try (Connection c = TestPostgres.freshDatabase("generated").getConnection()) {
            Fixtures.upgradeToModel(c, Comparisons.of("public"), ddl);
            execute(c, "INSERT INTO OrderLine (id, qty) VALUES (1, 21)");
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT doubled, (SELECT attgenerated FROM pg_attribute "
                            + "WHERE attrelid = 'orderline'::regclass AND attname = 'doubled') FROM OrderLine")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
                assertThat(rs.getString(2))
                        .as("generated kind, as the entity DDL asks")
                        .isEqualTo(ddl.stream().anyMatch(d -> d.contains(" stored")) ? "s" : "v");
            }
        }
    }
}
