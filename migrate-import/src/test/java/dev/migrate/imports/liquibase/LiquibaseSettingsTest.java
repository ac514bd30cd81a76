package dev.migrate.imports.liquibase;

import static dev.migrate.imports.liquibase.LiquibaseTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.imports.ImportProof;
import dev.migrate.imports.ImportedRevisions;
import dev.migrate.imports.OldProject;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liquibase's settings from each place a project keeps them, later places winning, none silently dropped. */
class LiquibaseSettingsTest {
    @TempDir
    Path project;

    private static final String CHANGELOG = "<databaseChangeLog/>\n";

    /** The shape of the server: the plugin names the changelog and a search path, nothing else does. */
    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <properties>
                <db.schema>billing</db.schema>
              </properties>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.liquibase</groupId>
                    <artifactId>liquibase-maven-plugin</artifactId>
                    <version>4.33.0</version>
                    <configuration>
                      <changeLogFile>db/master.xml</changeLogFile>
                      <searchPath>${project.basedir}/src/main/database</searchPath>
                      <defaultSchemaName>${db.schema}</defaultSchemaName>
                      <changelogSchemaName>lb</changelogSchemaName>
                      <databaseChangeLogTableName>lb_history</databaseChangeLogTableName>
                      <databaseChangeLogLockTableName>lb_lock</databaseChangeLogLockTableName>
                      <contexts>prod</contexts>
                      <labels>!experimental</labels>
                      <expressionVariables>
                        <owner>pom_owner</owner>
                        <region>eu</region>
                      </expressionVariables>
                      <url>jdbc:postgresql://localhost/app</url>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    @BeforeEach
    void changelogs() throws Exception {
        write(project.resolve("src/main/database/db/master.xml"), CHANGELOG);
        write(project.resolve("src/main/resources/db/changelog/db.changelog-master.yaml"), "databaseChangeLog: []\n");
        write(project.resolve("src/main/resources/db/other.xml"), CHANGELOG);
    }

    @Test
    void defaultsWithoutAnySettings() {
        LiquibaseSettings settings = LiquibaseSettings.read(project, Map.of());
        LiquibaseProject p = settings.project();
        assertThat(p.changelog()).isEqualTo("db/changelog/db.changelog-master.yaml");
        assertThat(p.searchRoots()).containsExactly(project.resolve("src/main/resources"));
        assertThat(p.table()).isEqualTo("databasechangelog");
        assertThat(p.lockTable()).isEqualTo("databasechangeloglock");
        assertThat(p.defaultSchema()).isNull();
        assertThat(p.changelogSchema()).isNull();
        assertThat(p.schema()).isEqualTo("public");
        assertThat(p.contexts()).isNull();
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void theMavenPluginsConfiguration() throws Exception {
        write(project.resolve("pom.xml"), POM);
        LiquibaseSettings settings = LiquibaseSettings.read(project, Map.of());
        LiquibaseProject p = settings.project();
        assertThat(p.changelog()).isEqualTo("db/master.xml");
        assertThat(p.searchRoots()).containsExactly(project.resolve("src/main/database"));
        assertThat(p.defaultSchema()).isEqualTo("billing");
        assertThat(p.schema()).isEqualTo("billing");
        assertThat(p.changelogSchema()).isEqualTo("lb");
        assertThat(p.table()).isEqualTo("lb_history");
        assertThat(p.lockTable()).isEqualTo("lb_lock");
        assertThat(p.contexts()).isEqualTo("prod");
        assertThat(p.labels()).isEqualTo("!experimental");
        assertThat(p.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of("owner", "pom_owner", "region", "eu"));
        assertThat(settings.sources()).containsExactly("pom.xml");
        // the connection settings bear on nothing that ran
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void thePluginsPropertyFileUnderItsConfiguration() throws Exception {
        write(
                project.resolve("pom.xml"),
                POM.replace(
                        "<changeLogFile>db/master.xml</changeLogFile>",
                        "<propertyFile>src/main/resources/lb/liquibase.properties</propertyFile>"));
        write(project.resolve("src/main/resources/lb/liquibase.properties"), """
                changeLogFile=db/master.xml
                liquibase.command.contextFilter=test
                parameter.owner=file_owner
                parameter.tablespace=fast
                """);
        LiquibaseProject p = LiquibaseSettings.read(project, Map.of()).project();
        assertThat(p.changelog()).isEqualTo("db/master.xml");
        assertThat(p.contexts()).as("the pom wins").isEqualTo("prod");
        assertThat(p.parameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("owner", "pom_owner", "region", "eu", "tablespace", "fast"));
    }

    @Test
    void propertyFileWillOverrideTurnsTheOrderRound() throws Exception {
        write(
                project.resolve("pom.xml"),
                POM.replace(
                        "<contexts>prod</contexts>",
                        "<propertyFile>liquibase.properties</propertyFile>"
                                + "<propertyFileWillOverride>true</propertyFileWillOverride><contexts>prod</contexts>"));
        write(project.resolve("liquibase.properties"), "contexts=test\nparameter.owner=file_owner\n");
        LiquibaseProject p = LiquibaseSettings.read(project, Map.of()).project();
        assertThat(p.contexts()).isEqualTo("test");
        assertThat(p.parameters()).containsEntry("owner", "file_owner");
    }

    @Test
    void aMissingPropertyFileIsNamed() throws Exception {
        write(
                project.resolve("pom.xml"),
                POM.replace("<contexts>prod</contexts>", "<propertyFile>conf/missing.properties</propertyFile>"));
        assertThatThrownBy(() -> LiquibaseSettings.read(project, Map.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("The Liquibase Maven plugin's propertyFile conf/missing.properties (pom.xml) "
                        + "is neither in ")
                .hasMessageContaining("Correct the path in the pom, or remove the setting.");
    }

    @Test
    void theDefaultLiquibasePropertiesWithEveryKeyThatBearsOnWhatRan() throws Exception {
        write(project.resolve("liquibase.properties"), """
                changelog-file=classpath:/db/other.xml
                defaultSchemaName=app
                liquibaseSchemaName=lb
                databaseChangeLogTableName=history
                databaseChangeLogLockTableName=history_lock
                labels=v1
                contexts=prod
                parameter.owner=app_owner
                url=jdbc:postgresql://localhost/app
                username=app
                """);
        LiquibaseSettings settings = LiquibaseSettings.read(project, Map.of());
        LiquibaseProject p = settings.project();
        assertThat(p.changelog()).isEqualTo("db/other.xml");
        assertThat(p.searchRoots()).containsExactly(project.resolve("src/main/resources"));
        assertThat(p.defaultSchema()).isEqualTo("app");
        assertThat(p.changelogSchema()).isEqualTo("lb");
        assertThat(p.table()).isEqualTo("history");
        assertThat(p.lockTable()).isEqualTo("history_lock");
        assertThat(p.labels()).isEqualTo("v1");
        assertThat(p.contexts()).isEqualTo("prod");
        assertThat(p.parameters()).containsExactly(Map.entry("owner", "app_owner"));
        assertThat(settings.sources()).containsExactly("liquibase.properties");
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void springLiquibase() throws Exception {
        write(project.resolve("src/main/resources/application.yml"), """
                app:
                  schema: shop
                spring:
                  liquibase:
                    change-log: classpath:db/other.xml
                    default-schema: ${app.schema}
                    liquibase-schema: lb
                    database-change-log-table: spring_history
                    database-change-log-lock-table: spring_lock
                    contexts: prod,eu
                    label-filter: v2
                    parameters:
                      owner: spring_owner
                """);
        LiquibaseProject p = LiquibaseSettings.read(project, Map.of()).project();
        assertThat(p.changelog()).isEqualTo("db/other.xml");
        assertThat(p.defaultSchema()).isEqualTo("shop");
        assertThat(p.changelogSchema()).isEqualTo("lb");
        assertThat(p.table()).isEqualTo("spring_history");
        assertThat(p.lockTable()).isEqualTo("spring_lock");
        assertThat(p.contexts()).isEqualTo("prod,eu");
        assertThat(p.labels()).isEqualTo("v2");
        assertThat(p.parameters()).containsExactly(Map.entry("owner", "spring_owner"));
    }

    @Test
    void quarkusLiquibaseWithItsProdProfileWinning() throws Exception {
        write(project.resolve("src/main/resources/application.properties"), """
                quarkus.liquibase.change-log=db/other.xml
                quarkus.liquibase.default-schema-name=q
                quarkus.liquibase.liquibase-schema-name=q_lb
                quarkus.liquibase.database-change-log-table-name=q_history
                quarkus.liquibase.contexts=dev
                %prod.quarkus.liquibase.contexts=prod
                quarkus.liquibase.labels=v3
                quarkus.liquibase.change-log-parameters.owner=q_owner
                """);
        LiquibaseProject p = LiquibaseSettings.read(project, Map.of()).project();
        assertThat(p.changelog()).isEqualTo("db/other.xml");
        assertThat(p.defaultSchema()).isEqualTo("q");
        assertThat(p.changelogSchema()).isEqualTo("q_lb");
        assertThat(p.table()).isEqualTo("q_history");
        assertThat(p.contexts()).isEqualTo("prod");
        assertThat(p.labels()).isEqualTo("v3");
        assertThat(p.parameters()).containsExactly(Map.entry("owner", "q_owner"));
    }

    @Test
    void theImportsOwnSettingsWinOverEveryFile() throws Exception {
        write(project.resolve("pom.xml"), POM);
        LiquibaseSettings settings = LiquibaseSettings.read(
                project,
                Map.of(
                        "changelog", "db/other.xml",
                        "searchPath", "src/main/resources",
                        "contexts", "eu",
                        "parameters.owner", "cli_owner",
                        "defaultSchema", "cli"));
        LiquibaseProject p = settings.project();
        assertThat(p.changelog()).isEqualTo("db/other.xml");
        assertThat(p.searchRoots()).containsExactly(project.resolve("src/main/resources"));
        assertThat(p.contexts()).isEqualTo("eu");
        assertThat(p.defaultSchema()).isEqualTo("cli");
        assertThat(p.parameters()).containsEntry("owner", "cli_owner").containsEntry("region", "eu");
        assertThat(settings.sources()).containsExactly("pom.xml", "-Dmigrate.import.liquibase.*");
    }

    /** What changes what ran and no chain can take over is named with the way out, never dropped silently. */
    @Test
    void settingsThatCannotBeHonouredAreNamed() throws Exception {
        write(
                project.resolve("pom.xml"),
                POM.replace(
                        "<contexts>prod</contexts>",
                        "<contexts>prod</contexts><dropFirst>true</dropFirst><skip>true</skip>"
                                + "<changeExecListenerClass>com.example.Audit</changeExecListenerClass>"));
        write(project.resolve("src/main/resources/application.properties"), """
                spring.liquibase.enabled=false
                spring.liquibase.drop-first=false
                """);
        LiquibaseSettings settings = LiquibaseSettings.read(project, Map.of("contex", "prod"));
        assertThat(settings.warnings())
                .containsExactlyInAnyOrder(
                        "The Liquibase Maven plugin is configured with <skip>true</skip> in pom.xml: the import reads"
                                + " its changelog all the same; check that the project runs it some other way.",
                        "Liquibase's setting dropFirst (pom.xml (liquibase-maven-plugin)) drops every object of the"
                                + " schema before each update, which no revision does. Drop the setting before moving"
                                + " in; a test that wants an empty database starts from one (migrate-junit does).",
                        "Liquibase's setting changeExecListenerClass (pom.xml (liquibase-maven-plugin)) runs the"
                                + " project's listener around each changeset, which the import cannot read. Move what"
                                + " it does into the revisions after the import.",
                        "The application turns Liquibase off (spring.liquibase.enabled=false): the import reads its"
                                + " changelog all the same; check that the project runs it some other way.",
                        "The import setting -Dmigrate.import.liquibase.contex is not one the Liquibase import reads,"
                                + " and is left out; it reads " + String.join(", ", LiquibaseSettings.KNOWN)
                                + " and parameters.<name>.");
    }

    /**
     * On PostgreSQL: Liquibase reads and updates with the plugin's schemas and table names, and the import's chain
     * builds in the default schema as Liquibase did.
     */
    @Test
    void schemasAndTablesAsTheProjectConfiguresThem() throws Exception {
        write(project.resolve("pom.xml"), POM);
        write(project.resolve("src/main/database/db/master.xml"), """
                <databaseChangeLog
                    xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                    <changeSet id="1" author="alice">
                        <createTable tableName="invoice">
                            <column name="id" type="int"/>
                            <column name="owner" type="text" defaultValue="${owner}"/>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """);
        LiquibaseProject p = LiquibaseSettings.read(project, Map.of()).project();
        OldChain chain = LiquibaseChangelog.read(LiquibaseTesting.loader(), p);
        assertThat(chain.table()).isEqualTo("lb_history");
        assertThat(chain.schema()).isEqualTo("lb");
        assertThat(chain.migrations().get(0).key()).isEqualTo("db/master.xml::1::alice");
        // between the default schema put first on the search path and the session's own put back, as Liquibase ran it
        assertThat(chain.migrations().get(0).upgrade())
                .hasSize(3)
                .element(1)
                .isEqualTo("CREATE TABLE billing.invoice (id INTEGER, owner TEXT DEFAULT 'pom_owner')");

        String db = TestPostgres.createDatabase("liquibase_settings");
        try (Connection c = TestPostgres.dataSource(db).getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA billing");
            s.execute("CREATE SCHEMA lb");
        }
        LiquibaseUpdate.run(
                LiquibaseTesting.loader(), TestPostgres.jdbcUrl(db), "postgres", null, p, LiquibaseUpdate.Stop.all());
        assertThat(LiquibaseTesting.rows(
                        db,
                        "SELECT table_schema::text, table_name::text FROM information_schema.tables"
                                + " WHERE table_schema IN ('billing', 'lb', 'public') ORDER BY 1, 2"))
                .containsExactly(List.of("billing", "invoice"), List.of("lb", "lb_history"), List.of("lb", "lb_lock"));
    }

    /**
     * The import's view of such a project: the schema it proves is the default schema, Liquibase's own tables are
     * the configured ones, where the history lives is said with how the first upgrade finds it, and the replay on
     * an empty database creates the schemas Liquibase expects to exist.
     */
    @Test
    void theImportOfAProjectWithItsOwnSchemas() throws Exception {
        write(project.resolve("pom.xml"), POM);
        write(project.resolve("src/main/database/db/master.xml"), """
                <databaseChangeLog
                    xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                    <changeSet id="1" author="alice">
                        <createTable tableName="invoice"><column name="id" type="int"/></createTable>
                    </changeSet>
                </databaseChangeLog>
                """);
        OldProject old = OldProject.of(OldTool.LIQUIBASE, project, Map.of(), LiquibaseTesting.loader());
        OldChain chain = old.read();
        assertThat(old.schema()).isEqualTo("billing");
        assertThat(old.ownTables(chain)).containsExactly("lb_history", "lb_lock");
        assertThat(chain.warnings())
                .contains("Liquibase keeps its history in the schema lb (changelogSchemaName): the first upgrade of"
                        + " each database finds it there when lb is on the connection's search_path or is migrate's own"
                        + " schema (migrate.schema=lb). Set one of them, or each database runs the whole chain over"
                        + " what Liquibase built.");

        String db = TestPostgres.createDatabase("liquibase_replay");
        old.replay(TestPostgres.dataSource(db));
        assertThat(LiquibaseTesting.rows(
                        db,
                        "SELECT table_schema::text, table_name::text FROM information_schema.tables"
                                + " WHERE table_schema IN ('billing', 'lb', 'public') ORDER BY 1, 2"))
                .containsExactly(List.of("billing", "invoice"), List.of("lb", "lb_history"), List.of("lb", "lb_lock"));

        List<String> differences = new ImportProof(old.schema(), old.ownTables(chain))
                .prove(
                        old::replay,
                        TestPostgres.freshDatabase("proof_old"),
                        new ImportedRevisions("db.imported.billing").of(chain, null),
                        "db.imported.billing",
                        List.of(),
                        project.resolve("target/proof"),
                        TestPostgres.freshDatabase("proof_ours"))
                .differences();
        assertThat(differences).isEmpty();
    }

    /**
     * A default schema and SQL that names its tables without one: Liquibase runs every changeset with that schema first
     * on the search path, so the {@code <sql>} table, the view's query and the index built outside a transaction all
     * find their tables there; the written chain builds the same, and the session's own path comes back after each
     * revision. Where the history lives is said, as Liquibase keeps it in the default schema.
     */
    @Test
    void sqlWithoutASchemaBuildsInTheDefaultSchemaAsLiquibaseRanIt() throws Exception {
        write(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.liquibase</groupId>
                        <artifactId>liquibase-maven-plugin</artifactId>
                        <version>4.33.0</version>
                        <configuration>
                          <changeLogFile>db/master.xml</changeLogFile>
                          <searchPath>${project.basedir}/src/main/database</searchPath>
                          <defaultSchemaName>app</defaultSchemaName>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """);
        write(project.resolve("src/main/database/db/master.xml"), """
                <databaseChangeLog
                    xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                    <changeSet id="1" author="k">
                        <createTable tableName="event"><column name="id" type="int"/></createTable>
                    </changeSet>
                    <changeSet id="2" author="k">
                        <sql>create table retention_cfg(days int default 30)</sql>
                        <rollback><sql>drop table retention_cfg</sql></rollback>
                    </changeSet>
                    <changeSet id="3" author="k">
                        <createView viewName="recent_event">select id from event where id > 10</createView>
                    </changeSet>
                    <changeSet id="4" author="k" runInTransaction="false">
                        <sql>create index concurrently retention_days on retention_cfg (days)</sql>
                    </changeSet>

                </databaseChangeLog>
                """);
        OldProject old = OldProject.of(OldTool.LIQUIBASE, project, Map.of(), LiquibaseTesting.loader());
        OldChain chain = old.read();
        assertThat(old.schema()).isEqualTo("app");
        assertThat(chain.warnings())
                .contains("Liquibase keeps its history in the schema app (defaultSchemaName): the first upgrade of"
                        + " each database finds it there when app is on the connection's search_path or is migrate's"
                        + " own schema (migrate.schema=app). Set one of them, or each database runs the whole chain"
                        + " over what Liquibase built.");
        OldMigration sql = chain.migrations().get(1);
        assertThat(sql.upgrade())
                .containsExactly(
                        "SELECT set_config('search_path', concat_ws(', ', 'app', nullif(set_config("
                                + "'migrate.search_path', current_setting('search_path'), true), '')), true)",
                        "create table retention_cfg(days int default 30)",
                        "SELECT set_config('search_path', current_setting('migrate.search_path'), true)");
        assertThat(sql.downgrade()).contains("drop table retention_cfg");
        assertThat(chain.migrations().get(3).upgrade().get(0)).endsWith(", false)");

        List<String> differences = new ImportProof(old.schema(), old.ownTables(chain))
                .prove(
                        old::replay,
                        TestPostgres.freshDatabase("proof_old"),
                        new ImportedRevisions("db.imported.app").of(chain, null),
                        "db.imported.app",
                        List.of(),
                        project.resolve("target/proof"),
                        TestPostgres.freshDatabase("proof_ours"))
                .differences();
        assertThat(differences).isEmpty();

        String db = TestPostgres.createDatabase("liquibase_default_schema");
        try (Connection c = TestPostgres.dataSource(db).getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA app");
            for (OldMigration m : chain.migrations()) {
                c.setAutoCommit(!m.transactional());
                for (String statement : m.upgrade()) {
                    s.execute(statement);
                }
                if (m.transactional()) {
                    c.commit();
                }
                try (var rs = s.executeQuery("SHOW search_path")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1))
                            .as("the session's path after " + m.key())
                            .isEqualTo("\"$user\", public");
                }
            }
            c.setAutoCommit(true);
        }
        assertThat(LiquibaseTesting.rows(
                        db,
                        "SELECT schemaname::text, tablename::text FROM pg_tables WHERE schemaname IN ('app', 'public')"
                                + " UNION ALL SELECT schemaname::text, indexname::text FROM pg_indexes"
                                + " WHERE indexname = 'retention_days' ORDER BY 1, 2"))
                .containsExactly(
                        List.of("app", "event"), List.of("app", "retention_cfg"), List.of("app", "retention_days"));
    }

    /**
     * A sqlCheck of a project with a default schema: Liquibase evaluated it with that schema first on the search path,
     * the revision's guard on the connection's own, so a query that names its table without the schema is warned
     * about, with the ways to make them agree; one that names the schema is not.
     */
    @Test
    void aSqlCheckNamingNoSchemaUnderADefaultSchemaIsWarnedAbout() throws Exception {
        write(project.resolve("pom.xml"), POM.replace("<changelogSchemaName>lb</changelogSchemaName>", ""));
        write(project.resolve("src/main/database/db/master.xml"), """
                <databaseChangeLog
                    xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                    <changeSet id="bare" author="k">
                        <preConditions onFail="MARK_RAN">
                            <not><sqlCheck expectedResult="0">select count(*) from invoice</sqlCheck></not>
                        </preConditions>
                        <sql>select 1</sql>
                    </changeSet>
                    <changeSet id="qualified" author="k">
                        <preConditions onFail="MARK_RAN">
                            <sqlCheck expectedResult="0">select count(*) from billing.invoice</sqlCheck>
                        </preConditions>
                        <sql>select 1</sql>
                    </changeSet>
                </databaseChangeLog>
                """);
        OldChain chain = OldProject.of(OldTool.LIQUIBASE, project, Map.of(), LiquibaseTesting.loader())
                .read();
        assertThat(chain.warnings())
                .contains("The changeset bare by k in db/master.xml has a sqlCheck precondition, which Liquibase"
                        + " evaluated with billing first on the search_path; its revision's guard is evaluated on the"
                        + " connection's own path before the revision runs. Where its query names a table without a"
                        + " schema, qualify it (billing.<table>) or put billing first on the connection's search_path"
                        + " (?currentSchema=billing,public in the URL).")
                .noneMatch(w -> w.contains("changeset qualified"));
    }

    /**
     * A Spring Boot project's changelog that includes, includes all of and reads SQL from {@code classpath:} paths, as
     * Spring's resource loader finds them: each is read from the search roots, recorded under its path without the
     * prefix (what Spring Boot's Liquibase writes in databasechangelog), and the written chain builds what Liquibase
     * builds.
     */
    @Test
    void springClasspathPathsAreFoundAsSpringFindsThem() throws Exception {
        write(project.resolve("src/main/resources/application.properties"), """
                spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml
                """);
        Path changelogs = project.resolve("src/main/resources/db/changelog");
        write(changelogs.resolve("db.changelog-master.yaml"), """
                databaseChangeLog:
                  - include: {file: classpath:db/changelog/first.yaml}
                  - includeAll: {path: classpath*:/db/changelog/all/}
                """);
        write(changelogs.resolve("first.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: first
                      author: k
                      changes:
                        - sqlFile: {path: classpath:db/changelog/extra.sql}
                """);
        write(changelogs.resolve("extra.sql"), "create table extra (id int);\n");
        write(changelogs.resolve("all/001.sql"), """
                --liquibase formatted sql
                --changeset k:all-1
                create table from_all (id int);
                """);
        OldProject old = OldProject.of(OldTool.LIQUIBASE, project, Map.of(), LiquibaseTesting.loader());
        OldChain chain = old.read();
        assertThat(chain.migrations())
                .extracting(OldMigration::key)
                .containsExactly("db/changelog/first.yaml::first::k", "db/changelog/all/001.sql::all-1::k");
        assertThat(chain.migrations().get(0).upgrade()).containsExactly("create table extra (id int)");
        List<String> differences = new ImportProof(old.schema(), old.ownTables(chain))
                .prove(
                        old::replay,
                        TestPostgres.freshDatabase("proof_old"),
                        new ImportedRevisions("db.imported.spring").of(chain, null),
                        "db.imported.spring",
                        List.of(),
                        project.resolve("target/proof"),
                        TestPostgres.freshDatabase("proof_ours"))
                .differences();
        assertThat(differences).isEmpty();
    }

    /** The Maven plugin and the application disagree: the application wins, and the report says so. */
    @Test
    void theMavenPluginAndTheApplicationDisagreeingIsNamed() throws Exception {
        write(project.resolve("pom.xml"), POM);
        write(project.resolve("src/main/resources/application.properties"), """
                spring.liquibase.change-log=classpath:db/other.xml
                spring.liquibase.contexts=prod
                """);
        LiquibaseSettings settings = LiquibaseSettings.read(project, Map.of());
        assertThat(settings.project().changelog()).isEqualTo("db/other.xml");
        assertThat(settings.warnings())
                .containsExactly("Liquibase's changelog is db/master.xml in pom.xml (liquibase-maven-plugin)"
                        + " changeLogFile and classpath:db/other.xml in spring.liquibase.change-log; the import takes"
                        + " classpath:db/other.xml, as the application runs it. If the databases were updated with the"
                        + " Maven plugin, choose with -Dmigrate.import.liquibase.changelog=db/master.xml.");
    }

    @Test
    void aSearchPathThatIsNoDirectoryIsNamed() throws Exception {
        write(project.resolve("pom.xml"), POM.replace("src/main/database", "src/main/nowhere"));
        assertThatThrownBy(() -> LiquibaseSettings.read(project, Map.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Liquibase's search path names " + project.toAbsolutePath()
                        + "/src/main/nowhere (pom.xml (liquibase-maven-plugin) searchPath), which is no directory");
    }

    @Test
    void aChangelogInNoSearchRootIsNamed() throws Exception {
        write(project.resolve("pom.xml"), POM.replace("db/master.xml", "db/gone.xml"));
        assertThatThrownBy(() -> LiquibaseSettings.read(project, Map.of()))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("The Liquibase changelog db/gone.xml (from pom.xml (liquibase-maven-plugin) "
                        + "changeLogFile) is not in the search path [");
    }
}
