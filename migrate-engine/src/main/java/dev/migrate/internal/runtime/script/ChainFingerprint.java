package dev.migrate.internal.runtime.script;

import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.RevisionGraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What replaying the whole chain on an empty database does, as one SHA-256: each revision in
 * topological order with its parents, dependencies and upgrade checksum (the value the engine
 * records in the history table). Computed by recording the migrations, so it needs no server.
 *
 * <p>The checksum sees JDBC code ({@code op.jdbc}) only by its place, so for a migration that has
 * some, the bytes of its class and of the work's own class (when it is not a lambda, which lives
 * in the migration's class anyway) are added: editing that code changes the fingerprint.
 */
public final class ChainFingerprint {
    private ChainFingerprint() {}

    /**
     * The fingerprint of the chain of {@code graph}.
     *
     * @param recorded the upgrades the engine recorded already (for the extensions a replay needs, for the chain's
     *     statements), taken from there; those recorded here are kept there
     */
    public static String of(
            RevisionGraph graph, Map<String, DiscoveredMigration> migrations, RecordedUpgrades recorded) {
        MessageDigest digest = sha256();
        field(digest, "chain " + graph.size());
        // recorded as a live run records them, so the checksums are the ones kept in the history table
        try (Scripts scripts = new Scripts(migrations, recorded)) {
            for (RevisionInfo revision : graph.all()) {
                revision(digest, revision, scripts, migrations);
            }
            // a replay from base runs a squash instead of the revisions it replaces
            for (RevisionInfo squash : new TreeMap<>(graph.squashShortcuts()).values()) {
                field(digest, "squash of " + String.join(",", squash.replaces()));
                revision(digest, squash, scripts, migrations);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void revision(
            MessageDigest digest, RevisionInfo revision, Scripts scripts, Map<String, DiscoveredMigration> migrations) {
        Script script = scripts.upgrade(revision.id());
        field(digest, revision.id());
        field(digest, String.join(",", revision.revises()));
        field(digest, String.join(",", revision.dependsOn()));
        field(digest, script.checksum());
        for (Script.Jdbc jdbc : script.jdbcWork()) { // the SQL is not rendered: the checksum covers the ops
            classBytes(
                    digest,
                    Objects.requireNonNull(migrations.get(revision.id())).type());
            classBytes(digest, jdbc.work().getClass());
        }
    }

    private static void classBytes(MessageDigest digest, Class<?> type) {
        if (type.isHidden() || type.getClassLoader() == null) {
            return; // a lambda's code is in its defining class, which is added as well
        }
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            field(digest, resource);
            digest.update(in == null ? new byte[0] : in.readAllBytes());
        } catch (IOException e) {
            // unreadable: the name alone keys it, as the checksum would
        }
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
