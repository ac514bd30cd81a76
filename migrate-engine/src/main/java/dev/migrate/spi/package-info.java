/**
 * What the engine asks of modules above it and finds with {@link java.util.ServiceLoader}: the schema drift
 * check of {@code validateDrift} ({@link dev.migrate.spi.SchemaDriftCheck}), which migrate-catalog provides.
 *
 * <p>Published for migrate's own modules.
 */
@NullMarked
package dev.migrate.spi;

import org.jspecify.annotations.NullMarked;
