package dev.migrate.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code includeAll}'s attributes and {@code include} paths with {@code ..} segments, as Liquibase 4.33 reads them
 * ({@code src/test/resources/liquibase/includeall/}): {@code minDepth}/{@code maxDepth} (the integration changelog
 * {@code changelogs/common/depthboundincludeall/changelog.xml}), {@code relativeToChangelogFile} with {@code ..}
 * (DatabaseChangeLogTest's "relative paths for changelog include are resolved as normalized path"),
 * {@code errorIfMissingOrEmpty} (its "includeAll throws exception when directory not found" and "includeAll throws
 * no exception when directory not found and errorIfMissing is false"); and {@code resourceFilter} and
 * {@code resourceComparator}, classes of the project's own, refused by name.
 */
@LongSuite
class LiquibaseIncludeAllTest {
    private static final Path RESOURCES =
            Path.of("src/test/resources/liquibase/includeall").toAbsolutePath();

    private static ToolLoader liquibase;
    private static ImportedLiquibaseChain chain;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        chain = ImportedLiquibaseChain.of(liquibase, project("root.xml"), "db.imported.includeall", work);
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    /**
     * Of the five depths under {@code depth/a/b/c}, minDepth=3 maxDepth=4 include e.xml and f.xml only (as the
     * integration changelog's comment says); {@code ../../shared/} resolves from the changelog's folder to the search
     * root's {@code shared/}, recorded without the {@code ..}; the missing folder with errorIfMissingOrEmpty=false
     * includes nothing.
     */
    @Test
    void theChangeSetsLiquibaseIncludesInItsOrderWithTheFilesItRecords() {
        assertThat(chain.chain().warnings()).isEmpty();
        assertThat(chain.chain().migrations())
                .extracting(OldMigration::key)
                .containsExactly(
                        "db/changelog/root.xml::root-1::alice",
                        "shared/common.xml::common::bob",
                        "db/changelog/depth/a/b/c/d/e/e.xml::depth-e::jlyle",
                        "db/changelog/depth/a/b/c/d/e/f/f.xml::depth-f::jlyle",
                        "shared/more/1-more.xml::more-1::bob",
                        "shared/more/2-more.xml::more-2::bob",
                        "db/changelog/root.xml::root-2::alice");
    }

    @Test
    void theProofReplaysBothSidesFromEmptyAndFindsNoDifference(@TempDir Path work) {
        List<String> differences = new ImportProof("public", ImportedLiquibaseChain.OLD_TABLES)
                .prove(
                        TestTools.liquibase(liquibase, chain.project()),
                        TestPostgres.freshDatabase("includeall_proof_old"),
                        chain.revisions(),
                        chain.packageName(),
                        List.of(),
                        work,
                        TestPostgres.freshDatabase("includeall_proof_ours"))
                .differences();
        assertThat(differences).isEmpty();
    }

    /** The rows Liquibase records have the files as the import keys them: databases at three points move in. */
    @Test
    void databasesLiquibaseUpdatedMoveInAtThreePoints() throws SQLException {
        DataSource fresh = chain.freshUpgraded();
        for (int count : List.of(2, 4, 100)) {
            chain.movesInAndEndsAs(fresh, chain.liquibaseDatabase(count));
        }
    }

    /** DatabaseChangeLogTest's "includeAll throws exception when directory not found": the default is true. */
    @Test
    void anIncludeAllOfAFolderThatIsNotThereStopsTheImportWithLiquibasesMessage() {
        assertThatThrownBy(() -> LiquibaseChangelog.read(liquibase, project("missing.xml")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Liquibase could not read the changelog db/changelog/missing.xml")
                .hasMessageContaining("Could not find directory, directory was empty, or no changelogs matched the"
                        + " provided search criteria for includeAll")
                .hasMessageContaining("not-there");
    }

    @Test
    void aResourceFilterClassIsRefusedByNameWithTheWayOut() {
        OldChain refused = LiquibaseChangelog.read(liquibase, project("filter.xml"));
        assertThat(refused.refusals())
                .singleElement()
                .asString()
                .startsWith("An includeAll of the changelog db/changelog/filter.xml (or of one it includes) has"
                        + " the resourceFilter (filter in XML) com.example.db.OnlyReleased, a class of the project's own"
                        + " that chooses which files Liquibase includes")
                .contains("Choose the files with endsWithFilter, minDepth or maxDepth instead, or name them with an"
                        + " include each");
    }

    /** Liquibase itself, lacking the class, only logs that it takes its default order: the import refuses instead. */
    @Test
    void aResourceComparatorClassIsRefusedByNameRatherThanItsOrderSilentlyReplaced() {
        OldChain refused = LiquibaseChangelog.read(liquibase, project("comparator.xml"));
        assertThat(refused.refusals())
                .singleElement()
                .asString()
                .startsWith("An includeAll of the changelog db/changelog/comparator.xml (or of one it includes) has"
                        + " resourceComparator=\"com.example.db.NewestFirst\", a class of the project's own")
                .contains("Name the files with an include each, in the order the comparator gives");
    }

    private static LiquibaseProject project(String changelog) {
        return LiquibaseProject.of(RESOURCES, "db/changelog/" + changelog);
    }
}
