package dev.migrate.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The extensions an embedded binaries jar carries, read from its archive. A class of its own, so that only a caller
 * that reads the archive needs the XZ decoder on its class path ({@link NeededExtensions#inBinariesJar} answers with
 * PostgreSQL's contrib modules where it is missing, as in the Maven plugin's class realm).
 */
final class BinariesArchive {
    private BinariesArchive() {}

    /** The names of the {@code .control} files under {@code extension/} in {@code jar}'s archive. */
    static Set<String> extensions(Path jar) {

        Set<String> names = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry archive = zip.stream()
                    .filter(e -> e.getName().endsWith(".txz"))
                    .findFirst()
                    .orElse(null);
            if (archive == null) {
                return names;
            }
            try (InputStream in = zip.getInputStream(archive);
                    TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    String name = e.getName();
                    if (name.contains("/extension/") && name.endsWith(".control")) {
                        String file = name.substring(name.lastIndexOf('/') + 1);
                        names.add(file.substring(0, file.length() - ".control".length()));
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable jar fails at the server's start, which says so
        }
        return names;
    }
}
