package dev.migrate.command;

import dev.migrate.command.settings.TakenSettings;
import dev.migrate.tooling.ModuleManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code module}: writes {@code META-INF/migrate/module.properties} into the compiled classes of a project whose
 * migrations package carries {@code @MigrationModule} (its name, its packages, and as {@code dependsOn} the modules its
 * annotation names and those its dependencies ship), so that an application applies its revisions after theirs; a
 * project that declares no module gets no file: {@code new ModuleCommand(classes, classpath).run(context)}.
 *
 * @param classes the project's compiled classes, where the file is written
 * @param classpath the project's dependencies, whose modules it depends on
 */
public record ModuleCommand(Path classes, List<Path> classpath) {
    /** The settings it takes, rows of the settings table: those every goal takes. */
    public static final TakenSettings SETTINGS = TakenSettings.every("module");

    public ModuleCommand {
        Objects.requireNonNull(classes, "classes");
        classpath = List.copyOf(classpath);
    }

    /** Writes the module's file, or says that the project declares no module. */
    public void run(CommandContext context) {
        Optional<ModuleManifest> manifest = ModuleManifest.of(classes, classpath);
        if (manifest.isEmpty()) {
            context.output()
                    .info("No package in " + context.shown(classes) + " carries @MigrationModule: the project ships"
                            + " no module, and no module.properties is written.");
            return;
        }
        ModuleManifest module = manifest.get();
        Path file = module.write(classes);
        context.output()
                .info("Module " + module.name() + " (" + String.join(", ", module.packages()) + ")"
                        + (module.dependsOn().isEmpty()
                                ? " depends on no module"
                                : " depends on " + String.join(", ", module.dependsOn()))
                        + ": written to " + context.shown(file) + ".");
    }
}
