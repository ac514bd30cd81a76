package dev.migrate.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a PostgreSQL server records of itself in its data directory's {@code postmaster.pid}: its process on the first
 * line, its port on the fourth (then its start time, socket directory, ...). Read to tell a running server from a
 * file a crash left behind, and to find where a running one listens.
 *
 * @param pid the server's process
 * @param port where it listens, when the file says so yet
 */
public record PostmasterPid(long pid, OptionalInt port) {
    /** The port's line: pid, data directory, start time, port, socket directory, ... */
    private static final int PORT_LINE = 3;

    /**
     * The file in {@code dataDirectory}; empty when there is none or it names no process.
     *
     * @throws IOException when it cannot be read, as while a server starting or stopping writes or removes it
     */
    public static Optional<PostmasterPid> in(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).trim()), port(lines)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static OptionalInt port(List<String> lines) {
        try {
            return lines.size() > PORT_LINE
                    ? OptionalInt.of(Integer.parseInt(lines.get(PORT_LINE).trim()))
                    : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty(); // not written yet
        }
    }

    /** Whether its process still runs. */
    public boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
