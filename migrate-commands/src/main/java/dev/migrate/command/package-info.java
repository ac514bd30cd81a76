/**
 * Each goal's workflow without Maven: the plugin's goals, the command line and the Spring Boot starter map
 * their own parameters to a command here and run it, so that a goal and its command run, fail and report
 * alike. Each face gives a command what only it knows (its migrations' class loader, its database, its
 * throwaway servers, where files go, how it spells a command and a setting) through a small interface
 * ({@link dev.migrate.command.CommandFace}, {@link dev.migrate.command.SchemaFace} and a command's own
 * {@code Face}), and keeps nothing of the workflow.
 *
 * <p>The commands that run migrations ({@link dev.migrate.command.Move}, {@link dev.migrate.command.Current})
 * need the engine alone; those that compare or write schemas need {@code migrate-autogen} (and
 * {@code migrate-pictures} for {@link dev.migrate.command.Diagram} and the change summaries) on the class path,
 * optional dependencies of this module, so that an application that only migrates ships none of them.
 */
@NullMarked
package dev.migrate.command;

import org.jspecify.annotations.NullMarked;
