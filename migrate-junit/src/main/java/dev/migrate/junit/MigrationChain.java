package dev.migrate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where a test class finds its migrations and entities, for {@link MigrationChainTests} and
 * {@link MigrateTo}. Optional: without it, the migrations are in {@code db.migrations}, the version
 * tables in {@code public}, and the entities are every {@code @Entity} in the class directory that
 * holds the migrations. On its own, it gives the class's tests {@link MigrationDatabase} parameters at base.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MigrationExtension.class)
public @interface MigrationChain {
    /** Packages holding the migration classes (subpackages included). */
    String[] packages() default "db.migrations";

    /** Schema of the version and history tables, and the schema compared with the entities. */
    String schema() default "public";

    String versionTable() default "migrate_version";

    String historyTable() default "migrate_history";

    /** Packages whose {@code @Entity} classes are compared with the schema at head; empty: all of them. */
    String[] entityPackages() default {};

    /** JPA provider settings as {@code name=value}, e.g. {@code hibernate.physical_naming_strategy=...}. */
    String[] providerProperties() default {};

    /** Name globs the comparison with the entities leaves alone ({@code tmp_*}, {@code audit.*}). */
    String[] exclude() default {};

    /**
     * Where the desired schema of {@code entitiesMatchSchemaAtHead} comes from, as the plugin's {@code source}:
     * {@code jpa}, {@code sql}, {@code command} or {@code spring-data-jdbc}. Empty: the SQL files of
     * {@link #sourceSqlDir()} when they exist and the test class path has no JPA provider, else the entities (through
     * Spring Data's mapping model where Spring Data JDBC or R2DBC is there without a JPA provider):
     * {@code @MigrationChain(source = "command", sourceCommand = "python3 schema.py")}.
     */
    String source() default "";

    /** The SQL schema files of source {@code sql}, read from the project's directory, as the plugin's {@code sourceSqlDir}. */
    String sourceSqlDir() default "src/main/resources/db/schema";

    /**
     * With source {@code command}: a command line run in the project's directory whose standard output is the DDL of
     * the desired schema, as the plugin's {@code sourceCommand}: {@code "python3 schema.py"}.
     */
    String sourceCommand() default "";

    /**
     * With source {@code command}: a main class run with the test class path in a JVM of its own, whose standard
     * output is the DDL of the desired schema, as the plugin's {@code sourceMainClass}.
     */
    String sourceMainClass() default "";

    /**
     * The contexts the tests' migrations run in: a revision limited to contexts ({@code @Revision(contexts =
     * "test")}, test-only seed rows) runs in the tests' databases only when one of them is here. None: only the
     * revisions that run in every context, as a run given none: {@code @MigrationChain(contexts = "test")}.
     */
    String[] contexts() default {};
}
