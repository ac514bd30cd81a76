/**
 * The machine-readable output of the commands ({@code --json}, {@code -Dmigrate.output=json}): what each command
 * did as a {@link dev.migrate.command.output.CommandResult}, and the one JSON document of schema
 * {@code migrate-output/1} that {@link dev.migrate.command.output.OutputDocument} makes of it, whatever the face.
 */
@NullMarked
package dev.migrate.command.output;

import org.jspecify.annotations.NullMarked;
