package dev.migrate.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/** A goal that writes a new migration class into the project's sources: {@code merge} and {@code revision}. */
abstract class WriteMojo extends MigrateMojo {

    /**
     * The one-line description of the new migration. It also names the class: the message
     * {@code add status column} gives {@code V20261122_101500_AddStatusColumn}.
     */
    @Parameter(property = "migrate.message")
    protected @Nullable String message;

    /** The source root the class is written to, below the first of {@code packages}. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;
}
