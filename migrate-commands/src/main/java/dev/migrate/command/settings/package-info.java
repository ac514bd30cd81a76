/**
 * Every setting of every face in one table ({@link dev.migrate.command.settings.SettingsTable}): its name, type,
 * default, how each face spells it and its documentation; each command declares the rows it takes
 * ({@link dev.migrate.command.settings.TakenSettings}). A face hands the values it
 * was given, as text with where each came from ({@link dev.migrate.command.settings.GivenSettings}); they are read
 * once into one immutable value ({@link dev.migrate.command.settings.ResolvedSettings}), whose mistakes name the
 * setting as the user wrote it.
 */
@NullMarked
package dev.migrate.command.settings;

import org.jspecify.annotations.NullMarked;
