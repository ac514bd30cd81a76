package dev.migrate.command.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateResult;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.catalog.diff.MigrationScript;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code check}'s verdict and {@code autogenerate}'s "nothing written" name what they compared: the entities in the words every face has printed, and another
 * source (the SQL schema files, a program) by its name rather than as "the entities".
 */
class CheckLinesTest {
    @Test
    void theEntitiesKeepTheirWordsAndAnotherSourceIsNamed() {
        EntityComparison.AtHead entities = atHead(EntityDdlSource.ENTITIES);
        assertThat(entities.noDifferences()).isEqualTo("No differences: the entities match the schema at head.");
        assertThat(entities.differ(1, false)).isEqualTo("The entities differ from the schema at head in 1 way");
        assertThat(entities.differ(2, true))
                .isEqualTo("The entities and declared rows differ from the schema at head in 2 ways");

        EntityComparison.AtHead files = atHead("the SQL schema files in src/main/resources/db/schema");
        assertThat(files.noDifferences())
                .isEqualTo("No differences between the schema at head and the SQL schema files in"
                        + " src/main/resources/db/schema.");
        assertThat(entities.noChanges())
                .isEqualTo("No changes detected: the entities match the schema at head. Nothing written.");
        assertThat(files.noChanges())
                .isEqualTo("No changes detected between the schema at head and the SQL schema files in"
                        + " src/main/resources/db/schema. Nothing written.");
        assertThat(atHead("the program sh schema.sh").differ(3, false))
                .isEqualTo("The schema at head differs from the program sh schema.sh in 3 ways");
    }

    private static EntityComparison.AtHead atHead(String compared) {
        return new EntityComparison.AtHead(
                Migrator.builder().build(),
                new AutogenerateResult(
                        MigrationScript.empty(),
                        Set.of(),
                        List.of(),
                        AutogenerateResult.Route.CACHES,
                        Map.of(),
                        MigrationScript.empty()),
                compared);
    }
}
