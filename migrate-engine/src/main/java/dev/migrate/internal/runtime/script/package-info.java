/**
 * The migrations' recorded scripts: each step's statements as its ops render them ({@code Script},
 * {@code Scripts}, recorded by {@code ScriptRecorder}), their checksums ({@code Checksum}) and the chain's
 * fingerprint and scripts as a whole ({@code ChainFingerprint}, {@code ChainScripts}). Knows nothing of the runner.
 *
 * <p>Internal: part of the runner, {@code dev.migrate.internal.runtime}, below it; changes without notice.
 */
@NullMarked
package dev.migrate.internal.runtime.script;

import org.jspecify.annotations.NullMarked;
