package dev.migrate.maven;

import dev.migrate.command.settings.TakenSettings;
import dev.migrate.tooling.ModuleManifest;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes {@code META-INF/migrate/module.properties} into the classes of a module whose migrations package carries
 * {@code @MigrationModule}: its name and packages, and as {@code dependsOn} the modules its annotation names plus
 * every module its Maven dependencies ship (in the reactor or as jars), so that an application with its jar applies
 * its revisions after theirs and nobody writes the order by hand. Bound to {@code process-classes}: declared once
 * among the plugin's executions in the reactor's parent, {@code mvn compile} writes every module's file. A project
 * that declares no module writes nothing.
 */
@Mojo(
        name = "module",
        defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class ModuleMojo extends MigrateMojo {
    /** The settings it takes, rows of the settings table: those every goal takes; {@code module} runs no command of the commands modules, it writes the manifest of the classes the build compiled. */
    public static final TakenSettings SETTINGS = TakenSettings.every("module");

    @Override
    protected void run(Goal goal, ClassLoader projectClasses) {
        Path classes = Path.of(goal.project().getBuild().getOutputDirectory());
        Optional<ModuleManifest> manifest = ModuleManifest.of(classes, EntityOptions.classpath(goal));
        if (manifest.isEmpty()) {
            goal.log()
                    .info("No package in " + goal.displayed(classes) + " carries @MigrationModule: the project ships"
                            + " no module, and no module.properties is written.");
            return;
        }
        ModuleManifest module = manifest.get();
        Path file = module.write(classes);
        goal.log()
                .info("Module " + module.name() + " (" + String.join(", ", module.packages()) + ")"
                        + (module.dependsOn().isEmpty()
                                ? " depends on no module"
                                : " depends on " + String.join(", ", module.dependsOn()))
                        + ": written to " + goal.displayed(file) + ".");
    }
}
