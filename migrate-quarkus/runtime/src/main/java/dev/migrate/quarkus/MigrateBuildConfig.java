package dev.migrate.quarkus;

import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefaults;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The settings the build reads: where each datasource's revisions are, and where the dev loop's schema comes from. */
@ConfigMapping(prefix = "quarkus.migrate")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface MigrateBuildConfig {
    /** The build settings of each datasource: {@code quarkus.migrate.*} for the default one. */
    @ConfigDocMapKey("datasource-name")
    @WithParentName
    @WithUnnamedKey(DataSourceUtil.DEFAULT_DATASOURCE_NAME)
    @WithDefaults
    Map<String, DataSourceBuildConfig> datasources();

    /** The build settings of one datasource. */
    interface DataSourceBuildConfig {
        /** The packages of the datasource's revisions, subpackages included: {@code db.migrations} when unset. */
        Optional<List<String>> packages();

        /**
         * Where the dev loop takes the desired schema from: {@code jpa} (the entities), {@code sql} (the files of
         * {@code source-sql-dir}), {@code command} (the DDL a program prints) or {@code spring-data-jdbc}; as
         * {@code mvn migrate:check} takes it when unset.
         */
        Optional<String> source();

        /** The SQL schema files of source {@code sql}: {@code src/main/resources/db/schema} when unset. */
        Optional<String> sourceSqlDir();

        /** With source {@code command}: the command line whose output is the desired schema's DDL. */
        Optional<String> sourceCommand();

        /** With source {@code command}: a main class whose output is the desired schema's DDL. */
        Optional<String> sourceMainClass();
    }
}
