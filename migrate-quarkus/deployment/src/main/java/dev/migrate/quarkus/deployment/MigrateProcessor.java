package dev.migrate.quarkus.deployment;

import dev.migrate.Migrator;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.quarkus.MicrometerListenerProducer;
import dev.migrate.quarkus.MigrateBuildConfig;
import dev.migrate.quarkus.MigrateReadinessCheck;
import dev.migrate.quarkus.MigrateRecorder;
import dev.migrate.quarkus.OpenTelemetryListenerProducer;
import dev.migrate.quarkus.QuarkusSettings;
import dev.migrate.tooling.ModuleManifest;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.agroal.spi.JdbcDataSourceSchemaReadyBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalApplicationArchiveMarkerBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.InitTaskCompletedBuildItem;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Singleton;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.logging.Logger;

/**
 * The extension's build steps: each JDBC datasource gets a {@link Migrator} bean whose revisions the build found in
 * the application's index (so nothing is scanned at startup, and a native image keeps them), the start actions
 * that upgrade or validate it before Hibernate ORM starts, the readiness check, and the listeners of the
 * application's meters and spans.
 */
class MigrateProcessor {
    static final String FEATURE = "migrate";

    private static final Logger LOG = Logger.getLogger(MigrateProcessor.class);
    private static final DotName MIGRATION = DotName.createSimple("dev.migrate.Migration");
    private static final DotName REVISION = DotName.createSimple("dev.migrate.Revision");
    private static final DotName DATA_SOURCE = DotName.createSimple("io.quarkus.agroal.DataSource");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** Each datasource's revisions: the classes of its packages that implement Migration and carry @Revision. */
    @BuildStep
    RevisionsBuildItem revisions(
            CombinedIndexBuildItem index,
            List<JdbcDataSourceBuildItem> dataSources,
            MigrateBuildConfig config,
            BuildProducer<ReflectiveClassBuildItem> reflective,
            BuildProducer<UnremovableBeanBuildItem> unremovable) {
        Map<String, RevisionsBuildItem.DataSourceRevisions> found = new LinkedHashMap<>();
        Set<String> all = new TreeSet<>();
        for (String dataSource : names(dataSources)) {
            MigrateBuildConfig.DataSourceBuildConfig settings =
                    config.datasources().get(dataSource);
            List<String> packages = Optional.ofNullable(settings)
                    .flatMap(MigrateBuildConfig.DataSourceBuildConfig::packages)
                    .orElse(List.of(defaultPackage()));
            packages = withShippedModules(packages);
            List<String> classes = revisionClasses(index.getIndex(), packages);
            if (classes.isEmpty()) {
                LOG.warnf(
                        "migrate found no revision for %s in the package%s %s (subpackages included): the classes "
                                + "that implement dev.migrate.Migration and carry @Revision. Set %s to the packages "
                                + "of its migrations.",
                        QuarkusSettings.describe(dataSource),
                        packages.size() == 1 ? "" : "s",
                        String.join(", ", packages),
                        QuarkusSettings.spelling(dataSource).apply(SettingsTable.PACKAGES.spelled(Face.QUARKUS)));
            }
            found.put(dataSource, new RevisionsBuildItem.DataSourceRevisions(dataSource, packages, classes));
            all.addAll(classes);
        }
        if (!all.isEmpty()) {
            // a native image keeps each revision, its no-argument constructor and its @Revision
            reflective.produce(ReflectiveClassBuildItem.builder(all)
                    .constructors()
                    .methods()
                    .reason("migrate's revisions")
                    .build());
            // a revision that is a bean is looked up by its class at startup
            unremovable.produce(UnremovableBeanBuildItem.beanClassNames(all));
        }
        warnOfSchemaManagement(found.keySet());
        return new RevisionsBuildItem(found);
    }

    /**
     * The jars that ship a module of migrations ({@code META-INF/migrate/module.properties}, a library's tables) join
     * the application's index, so that their revisions are found as the application's own are.
     */
    @BuildStep
    AdditionalApplicationArchiveMarkerBuildItem moduleJars() {
        return new AdditionalApplicationArchiveMarkerBuildItem(ModuleManifest.RESOURCE);
    }

    /** The Migrator bean of each datasource: {@code @Default} for the default one, {@code @DataSource("name")}. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void migrators(
            MigrateRecorder recorder, RevisionsBuildItem revisions, BuildProducer<SyntheticBeanBuildItem> beans) {
        for (RevisionsBuildItem.DataSourceRevisions each :
                revisions.byDataSource().values()) {
            SyntheticBeanBuildItem.ExtendedBeanConfigurator bean = SyntheticBeanBuildItem.configure(Migrator.class)
                    .scope(Singleton.class)
                    .setRuntimeInit()
                    .unremovable()
                    .createWith(recorder.migrator(each.dataSource(), each.classes(), each.packages()));
            if (DataSourceUtil.isDefault(each.dataSource())) {
                bean.addQualifier(Default.class);
            } else {
                bean.addQualifier()
                        .annotation(DATA_SOURCE)
                        .addValue("value", each.dataSource())
                        .done();
            }
            beans.produce(bean.done());
        }
    }

    /** Upgrades or validates each datasource at startup, before what needs its schema (Hibernate ORM) starts. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    ServiceStartBuildItem start(
            MigrateRecorder recorder,
            RevisionsBuildItem revisions,
            BuildProducer<JdbcDataSourceSchemaReadyBuildItem> schemaReady,
            BuildProducer<InitTaskCompletedBuildItem> initTask) {
        List<String> dataSources = new ArrayList<>(revisions.byDataSource().keySet());
        recorder.start(dataSources);
        schemaReady.produce(new JdbcDataSourceSchemaReadyBuildItem(dataSources));
        initTask.produce(new InitTaskCompletedBuildItem(FEATURE));
        return new ServiceStartBuildItem(FEATURE);
    }

    /** The readiness check, when the application has SmallRye Health. */
    @BuildStep
    HealthBuildItem readiness() {
        return new HealthBuildItem(MigrateReadinessCheck.class.getName(), true);
    }

    /** The meters and spans of the migrations, each when the application has its library. */
    @BuildStep
    void observability(BuildProducer<AdditionalBeanBuildItem> beans) {
        if (QuarkusClassLoader.isClassPresentAtRuntime("io.micrometer.core.instrument.MeterRegistry")) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(MicrometerListenerProducer.class));
        }
        if (QuarkusClassLoader.isClassPresentAtRuntime("io.opentelemetry.api.OpenTelemetry")) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(OpenTelemetryListenerProducer.class));
        }
    }

    /**
     * Warns when Hibernate ORM's schema management would create or change the tables of a datasource migrate
     * manages: two tools writing one schema.
     */
    private static void warnOfSchemaManagement(Set<String> dataSources) {
        Config config = ConfigProvider.getConfig();
        for (String dataSource : dataSources) {
            QuarkusSettings settings = QuarkusSettings.of(
                    dataSource,
                    key -> config.getOptionalValue(key, String.class).orElse(null));
            boolean managed = Boolean.TRUE.equals(settings.get(SettingsTable.MIGRATE_AT_START))
                    || Boolean.TRUE.equals(settings.get(SettingsTable.VALIDATE_AT_START));
            if (!managed) {
                continue;
            }
            for (String key : HibernateSchemaManagement.keysGenerating(config, dataSource)) {
                LOG.warnf(
                        "%s is set to %s, and migrate also manages the schema of %s (%s): Hibernate ORM would change "
                                + "the tables the migrations make. Remove %s (its default, none, leaves the schema to "
                                + "the migrations), or set it to validate.",
                        key,
                        config.getValue(key, String.class),
                        QuarkusSettings.describe(dataSource),
                        settings.spelled(
                                Boolean.TRUE.equals(settings.get(SettingsTable.MIGRATE_AT_START))
                                        ? SettingsTable.MIGRATE_AT_START
                                        : SettingsTable.VALIDATE_AT_START),
                        key);
            }
        }
    }

    /**
     * {@code packages} with those of the modules the class path's jars ship: a library's revisions are applied by
     * every application that has its jar, with no package to configure, as the engine's scan finds them.
     */
    private static List<String> withShippedModules(List<String> packages) {
        List<String> all = new ArrayList<>(packages);
        for (ModuleManifest module :
                ModuleManifest.onClassPath(Thread.currentThread().getContextClassLoader())) {
            for (String pkg : module.packages()) {
                if (!inPackages(pkg + ".", all)) { // neither it nor an enclosing package is there yet
                    all.add(pkg);
                }
            }
        }
        return List.copyOf(all);
    }

    /** The classes of {@code packages} (subpackages included) that implement Migration and carry @Revision. */
    static List<String> revisionClasses(IndexView index, List<String> packages) {
        List<String> classes = new ArrayList<>();
        for (ClassInfo type : index.getAllKnownImplementations(MIGRATION)) {
            if (Modifier.isAbstract(type.flags())
                    || type.isInterface()
                    || type.declaredAnnotation(REVISION) == null
                    || !inPackages(type.name().toString(), packages)) {
                continue;
            }
            classes.add(type.name().toString());
        }
        classes.sort(null);
        return List.copyOf(classes);
    }

    private static boolean inPackages(String className, List<String> packages) {
        for (String name : packages) {
            if (className.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> names(List<JdbcDataSourceBuildItem> dataSources) {
        Set<String> names = new TreeSet<>((a, b) -> DataSourceUtil.isDefault(a)
                ? (DataSourceUtil.isDefault(b) ? 0 : -1)
                : DataSourceUtil.isDefault(b) ? 1 : a.compareTo(b));
        for (JdbcDataSourceBuildItem dataSource : dataSources) {
            names.add(dataSource.getName());
        }
        return names;
    }

    /** The package of the revisions when none is set: the table's default, {@code db.migrations}. */
    static String defaultPackage() {
        return Objects.requireNonNull(SettingsTable.PACKAGES.defaultValue());
    }
}
