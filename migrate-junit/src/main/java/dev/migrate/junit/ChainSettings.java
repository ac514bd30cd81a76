package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.tooling.MigratorTools;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.platform.commons.support.AnnotationSupport;

/** What {@link MigrationChain} says, or its defaults when a test class has none. */
record ChainSettings(
        List<String> packages,
        String schema,
        String versionTable,
        String historyTable,
        List<String> entityPackages,
        Map<String, String> providerProperties,
        List<String> exclude,
        List<String> contexts,
        SourceSettings source) {

    /**
     * Where the desired schema comes from, as the plugin's {@code source} parameters say it.
     *
     * @param named {@code jpa}, {@code sql}, {@code command} or {@code spring-data-jdbc}; blank: chosen as the plugin
     *     chooses
     * @param sqlDirectory the SQL schema files, relative to the project's directory
     * @param command the command line that prints the DDL, or blank
     * @param mainClass the main class that prints the DDL, or blank
     */
    record SourceSettings(String named, Path sqlDirectory, String command, String mainClass) {
        /** The plugin's defaults: the source chosen by what the project has, the files in {@code db/schema}. */
        static final SourceSettings DEFAULTS = new SourceSettings("", Path.of("src/main/resources/db/schema"), "", "");

        /** These settings, with the schema files in {@code directory}. */
        SourceSettings inSqlDirectory(Path directory) {
            return new SourceSettings(named, directory, command, mainClass);
        }
    }

    static final ChainSettings DEFAULTS = new ChainSettings(
            List.of("db.migrations"),
            "public",
            "migrate_version",
            "migrate_history",
            List.of(),
            Map.of(),
            List.of(),
            List.of(),
            SourceSettings.DEFAULTS);

    /** These settings, the desired schema taken from {@code source}. */
    ChainSettings with(SourceSettings source) {
        return new ChainSettings(
                packages,
                schema,
                versionTable,
                historyTable,
                entityPackages,
                providerProperties,
                exclude,
                contexts,
                source);
    }

    /** The settings of {@code testClass}: its {@link MigrationChain}, or one on a superclass or interface. */
    static ChainSettings of(Class<?> testClass) {
        return of(AnnotationSupport.findAnnotation(testClass, MigrationChain.class)
                .orElse(null));
    }

    private static ChainSettings of(@Nullable MigrationChain chain) {
        if (chain == null) {
            return DEFAULTS;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String entry : chain.providerProperties()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new MigrateException(
                        "The provider property '" + entry + "' in @MigrationChain is not of the form "
                                + "name=value, e.g. hibernate.default_schema=app.");
            }
            properties.put(
                    entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return new ChainSettings(
                List.of(chain.packages()),
                chain.schema(),
                chain.versionTable(),
                chain.historyTable(),
                List.of(chain.entityPackages()),
                Map.copyOf(properties),
                List.of(chain.exclude()),
                List.of(chain.contexts()),
                new SourceSettings(
                        chain.source(), Path.of(chain.sourceSqlDir()), chain.sourceCommand(), chain.sourceMainClass()));
    }

    /**
     * A migrator over {@code database} with these packages and version tables, discovering through {@code loader};
     * its messages ask for a setting of the run as this annotation's element ({@link ChainFixes}).
     */
    Migrator migrator(DataSource database, ClassLoader loader) {
        return MigratorTools.spellFixes(Migrator.builder(), ChainFixes.INSTANCE)
                .dataSource(database)
                .packages(packages.toArray(String[]::new))
                .classLoader(loader)
                .schema(schema)
                .versionTable(versionTable)
                .historyTable(historyTable)
                .contexts(contexts.toArray(String[]::new))
                .log(ChainChecks.TestLog.INSTANCE)
                .build();
    }
}
