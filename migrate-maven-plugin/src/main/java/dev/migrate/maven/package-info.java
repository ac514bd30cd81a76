/**
 * The plugin's goals: each mojo reads its parameters, maps them to a command of {@code dev.migrate.command} and
 * runs it; the classes beside the mojos adapt what only Maven knows (the project's paths and class path,
 * settings.xml, the repositories the embedded binaries come from, the build log) to the commands' faces.
 */
@NullMarked
package dev.migrate.maven;

import org.jspecify.annotations.NullMarked;
