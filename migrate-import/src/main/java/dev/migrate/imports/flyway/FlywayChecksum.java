package dev.migrate.imports.flyway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a SQL migration: a CRC32 over the UTF-8 bytes of each line, line terminators
 * left out (so CRLF and LF files agree) and a byte order mark at the start dropped, as a signed 32-bit number.
 */
public final class FlywayChecksum {
    private FlywayChecksum() {}

    /** The checksum of {@code text}, the file decoded in its encoding, as Flyway writes it in its history table. */
    public static int of(String text) {
        CRC32 crc = new CRC32();
        // a BufferedReader splits lines exactly as Flyway reads them: \n, \r and \r\n end a line, and a last
        // terminator starts no empty line
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            boolean first = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                first = false;
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A string could not be read", e);
        }
        return (int) crc.getValue();
    }
}
