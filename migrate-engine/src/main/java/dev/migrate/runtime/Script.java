package dev.migrate.runtime;

import dev.migrate.JdbcWork;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What one direction of one migration does, in order: SQL statements and, online only, JDBC work.
 */
record Script(List<Part> parts) {
    Script {
        parts = List.copyOf(parts);
    }

    /** One piece of a script. */
    sealed interface Part permits Statement, Jdbc {}

    record Statement(String sql) implements Part {}

    record Jdbc(JdbcWork work) implements Part {}

    /**
     * SHA-256 of the rendered SQL. JDBC work counts as a marker only, since its code cannot be
     * rendered; a change to the statements around it still changes the checksum.
     */
    String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Part part : parts) {
                String text = part instanceof Statement s ? s.sql() : "<jdbc>";
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
