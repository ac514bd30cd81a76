/**
 * Each goal's workflow without Maven: the plugin's goals, the command line and the Spring Boot starter map
 * their own parameters to a command here and run it, so that a goal and its command run, fail and report
 * alike. Each face hands over its settings ({@link dev.migrate.command.settings.GivenSettings}), read once into
 * one value, and what only it knows (its migrations' class loader, the Maven project, the Spring DataSource, how it
 * spells a command and a setting); a command takes them as one {@link dev.migrate.command.CommandContext} with its
 * {@link dev.migrate.command.output.Output}, never calls back into a face, and the face keeps nothing of the
 * workflow. From the settings to a connection there is one path, {@link dev.migrate.command.database.RunDatabase}.
 *
 * <p>The commands that run migrations ({@link dev.migrate.command.Move}, {@link dev.migrate.command.Current})
 * need the engine alone; those that compare or write schemas need {@code migrate-autogen} (and
 * {@code migrate-pictures} for {@link dev.migrate.command.Diagram} and the change summaries) on the class path,
 * optional dependencies of this module, so that an application that only migrates ships none of them.
 */
@NullMarked
package dev.migrate.command;

import org.jspecify.annotations.NullMarked;
