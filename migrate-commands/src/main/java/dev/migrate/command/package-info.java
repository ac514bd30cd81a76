/**
 * Each goal's workflow without Maven: the plugin's goals and the command line map their own parameters to
 * a command here and run it, so that a goal and its command run, fail and report alike. Each face gives a
 * command what only it knows (its migrations' class loader, its database, where scripts go) through a small
 * interface, and keeps nothing of the workflow.
 */
@NullMarked
package dev.migrate.command;

import org.jspecify.annotations.NullMarked;
