/**
 * Each goal's workflow without Maven: the plugin's goals, the command line and the Spring Boot starter map
 * their own parameters to a command here and run it, so that a goal and its command run, fail and report
 * alike. Each face hands over its settings ({@link dev.migrate.command.settings.GivenSettings}), read once into
 * one value, and what only it knows (its migrations' class loader, the Maven project, the Spring DataSource, how it
 * spells a command and a setting); a command takes them as one {@link dev.migrate.command.CommandContext} with its
 * {@link dev.migrate.command.output.Output}, never calls back into a face, and the face keeps nothing of the
 * workflow. From the settings to a connection there is one path, {@link dev.migrate.command.database.RunDatabase}.
 *
 * <p>These are the runtime commands, on the engine alone: one class per user command, named
 * after it ({@link dev.migrate.command.UpgradeCommand} and the other moves of {@link dev.migrate.command.Move},
 * {@link dev.migrate.command.CurrentCommand}, {@link dev.migrate.command.HistoryCommand}...), the health and validation an application runs at
 * startup, the settings table. The commands that compare or write schemas, lint, import or draw are in
 * {@code migrate-tooling-commands} ({@code dev.migrate.command.tooling} and its neighbours), above this module, so
 * that an application that only migrates ships none of the build-time tools.
 */
@NullMarked
package dev.migrate.command;

import org.jspecify.annotations.NullMarked;
