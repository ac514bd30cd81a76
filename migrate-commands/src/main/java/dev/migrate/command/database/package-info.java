/**
 * The database a command talks to, decided alike by every face: the configured one (a URL from the command
 * line, the environment or the build's settings, SPEC 5), connected with failures that name the fix and never
 * the password, or the embedded PostgreSQL a build starts when none is configured, and the throwaway servers
 * the commands that replay migrations start. The face gives what only it knows: its setting names, where a
 * server's credentials are kept, how the binaries are fetched and a server launched.
 */
@NullMarked
package dev.migrate.command.database;

import org.jspecify.annotations.NullMarked;
