package dev.migrate.maven;

import dev.migrate.command.SourceRoot;
import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/** A goal that writes a new migration class into the project's sources. */
abstract class AbstractWriteMojo extends AbstractMigrateMojo {

    /**
     * The one-line description of the new migration. It also names the class: the message
     * {@code add status column} gives {@code V20261122_101500_AddStatusColumn}.
     */
    @Parameter(property = "migrate.message")
    protected @Nullable String message;

    /** The source root the class is written to, below the first of {@code packages}. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;

    /** Where the new migration is written: the source root, below the first of {@code packages}. */
    protected final SourceRoot sources() {
        return new SourceRoot(sourceDirectory.toPath(), packages.get(0));
    }

    /** The goal as the face of the commands that write a migration: the project's migrations and the build log. */
    protected final class WriteFace extends BuildFace {
        WriteFace(ClassLoader projectClasses) {
            super(AbstractWriteMojo.this, projectClasses);
        }
    }
}
