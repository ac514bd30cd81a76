package dev.migrate.maven;

import dev.migrate.command.ModuleCommand;
import java.nio.file.Path;
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
    @Override
    protected void run(Goal goal, ClassLoader projectClasses) {
        new ModuleCommand(Path.of(goal.project().getBuild().getOutputDirectory()), EntityOptions.classpath(goal))
                .run(context(goal, projectClasses));
    }
}
