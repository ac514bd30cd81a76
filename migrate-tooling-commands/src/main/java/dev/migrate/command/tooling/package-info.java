/**
 * The build-time commands without Maven: {@code autogenerate}, {@code check}, {@code verify}, {@code drift},
 * {@code lint}, {@code import}, {@code diagram}, {@code snapshot}, {@code squash}, {@code baseline}, {@code merge},
 * {@code revision}, one class each, named after the command ({@code DriftCommand} for {@code drift}) and declaring
 * the settings it takes. Each takes the runtime commands' {@link dev.migrate.command.CommandContext} as the runtime
 * commands do, and runs autogen, the lint, the import or the pictures; the starter and the Quarkus runtime never
 * load this module.
 */
@NullMarked
package dev.migrate.command.tooling;

import org.jspecify.annotations.NullMarked;
