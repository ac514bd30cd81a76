/**
 * The command line: the goals of the Maven plugin as {@code java -jar migrate-cli.jar <command> [options]},
 * for deploying where there is no Maven (a container, a CI step, an init container). A thin adapter over
 * {@link dev.migrate.Migrator} and {@link dev.migrate.Fleet}: it reads the arguments, loads the compiled
 * migrations from {@code --classpath}, connects, and prints what the goals print.
 */
@NullMarked
package dev.migrate.cli;

import org.jspecify.annotations.NullMarked;
