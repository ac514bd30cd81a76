package dev.migrate.quarkus.deployment;

import dev.migrate.quarkus.QuarkusSettings;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.DockerStatusBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.console.ConsoleCommand;
import io.quarkus.deployment.console.ConsoleInstalledBuildItem;
import io.quarkus.deployment.console.ConsoleStateManager;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.devui.spi.buildtime.BuildTimeActionBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;
import io.quarkus.maven.dependency.ResolvedDependency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The dev loop inside {@code quarkus dev} ({@link DevLoop}): a Dev UI card that shows the entities against the
 * schema the chain builds and writes the migration on request, and the dev console's keys that do the same.
 */
class MigrateDevProcessor {
    private static final Logger LOG = Logger.getLogger(MigrateDevProcessor.class);

    /** The dev console's keys of migrate, made once per dev session. */
    private static volatile ConsoleStateManager.@Nullable ConsoleContext console;

    /**
     * In dev and test mode, the embedded PostgreSQL for the default datasource when it is PostgreSQL, has no URL,
     * and Quarkus's Dev Services would not start one (they are off, or no container runtime answers).
     */
    @BuildStep(onlyIf = IsDevServicesSupportedByLaunchMode.class)
    void embeddedDatabase(
            List<JdbcDataSourceBuildItem> dataSources,
            DockerStatusBuildItem containers,
            OutputTargetBuildItem target,
            CuratedApplicationShutdownBuildItem shutdown,
            BuildProducer<DevServicesResultBuildItem> devServices) {
        boolean postgres =
                dataSources.stream().anyMatch(d -> d.isDefault() && DatabaseKind.isPostgreSQL(d.getDbKind()));
        Config config = ConfigProvider.getConfig();
        if (!postgres
                || config.getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                        .isPresent()) {
            return;
        }
        boolean quarkusStarts = config.getOptionalValue("quarkus.devservices.enabled", Boolean.class)
                        .orElse(true)
                && config.getOptionalValue("quarkus.datasource.devservices.enabled", Boolean.class)
                        .orElse(true);
        if (quarkusStarts && containers.isContainerRuntimeAvailable()) {
            return; // Quarkus starts a PostgreSQL container for it
        }
        Map<String, String> settings = EmbeddedDevDatabase.settings(target.getOutputDirectory(), LOG::info);
        shutdown.addCloseTask(EmbeddedDevDatabase::stop, true);
        devServices.produce(DevServicesResultBuildItem.discovered()
                .feature(MigrateProcessor.FEATURE)
                .description("the embedded PostgreSQL of the default datasource")
                .config(settings)
                .build());
    }

    /**
     * Where the dev loop finds the application (its module directory, build directory and compiled classes, as
     * Quarkus's application model has them), and the packages of its default datasource's revisions.
     */
    private static DevLoop devLoop(
            RevisionsBuildItem revisions, OutputTargetBuildItem target, CurateOutcomeBuildItem curate) {
        ResolvedDependency application = curate.getApplicationModel().getAppArtifact();
        Path build = target.getOutputDirectory().toAbsolutePath();
        Path project = application.getWorkspaceModule() != null
                ? application.getWorkspaceModule().getModuleDir().toPath()
                : Objects.requireNonNullElse(build.getParent(), build);
        Path classes = build.resolve("classes");
        for (Path path : application.getResolvedPaths()) {
            if (Files.isDirectory(path)) {
                classes = path;
                break;
            }
        }
        List<Path> classpath = new ArrayList<>();
        for (ResolvedDependency dependency : curate.getApplicationModel().getRuntimeDependencies()) {
            dependency.getResolvedPaths().forEach(classpath::add);
        }
        RevisionsBuildItem.DataSourceRevisions revisionsOfDefault =
                revisions.byDataSource().get(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        List<String> packages =
                revisionsOfDefault == null ? List.of(MigrateProcessor.defaultPackage()) : revisionsOfDefault.packages();
        Config config = ConfigProvider.getConfig();
        // the default datasource's settings as the application configures them: quarkus.migrate.source and the rest
        QuarkusSettings settings = QuarkusSettings.of(
                DataSourceUtil.DEFAULT_DATASOURCE_NAME,
                key -> config.getOptionalValue(key, String.class).orElse(null));
        return new DevLoop(
                new DevLoop.Layout(project, build, classes, List.copyOf(classpath)), packages, settings.resolved());
    }

    /** The Dev UI's card: the comparison, and a button that writes the migration. */
    @BuildStep(onlyIf = IsDevelopment.class)
    void devUi(
            RevisionsBuildItem revisions,
            OutputTargetBuildItem target,
            CurateOutcomeBuildItem curate,
            BuildProducer<CardPageBuildItem> cards,
            BuildProducer<BuildTimeActionBuildItem> actions) {
        DevLoop loop = devLoop(revisions, target, curate);
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Entities against the chain")
                .icon("font-awesome-solid:code-compare")
                .componentLink("qwc-migrate-diff.js"));
        cards.produce(card);
        BuildTimeActionBuildItem rpc = new BuildTimeActionBuildItem();
        rpc.actionBuilder()
                .methodName("check")
                .description("Compares the entities with the schema the migrations build, as migrate:check does")
                .function(params -> json(loop.check()))
                .build();
        rpc.actionBuilder()
                .methodName("write")
                .description("Writes the migration from the entities, as migrate:autogenerate does")
                .parameter("message", "the migration's one-line description", false)
                .function(params -> json(loop.write(params.getOrDefault("message", DevLoop.DEFAULT_MESSAGE))))
                .build();
        actions.produce(rpc);
    }

    /**
     * The dev console's keys: {@code m} compares the entities with the chain, {@code M} asks for a message and
     * writes the migration.
     */
    @BuildStep(onlyIf = IsDevelopment.class)
    @Consume(ConsoleInstalledBuildItem.class)
    FeatureBuildItem consoleKeys(
            RevisionsBuildItem revisions, OutputTargetBuildItem target, CurateOutcomeBuildItem curate) {
        DevLoop loop = devLoop(revisions, target, curate);
        ConsoleStateManager.ConsoleContext context = console;
        if (context == null) {
            // one context for the whole dev session: a restart resets its keys rather than adds them again
            context = ConsoleStateManager.INSTANCE.createContext("migrate");
            console = context;
        }
        context.reset(
                new ConsoleCommand(
                        'm',
                        "Compare the entities with the schema the migrations build (migrate check)",
                        null,
                        () -> System.out.println(loop.check().text())),
                new ConsoleCommand(
                        'M',
                        "Write the migration from the entities (migrate autogenerate)",
                        "Message of the migration",
                        1000,
                        null,
                        (String message) ->
                                System.out.println(loop.write(message).text())));
        return new FeatureBuildItem("migrate-dev-console");
    }

    /** A report as the Dev UI's page reads it. */
    private static Map<String, Object> json(DevLoop.Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("differences", report.differences());
        json.put("written", report.written());
        json.put("failed", report.failed());
        json.put("text", report.text());
        return json;
    }
}
