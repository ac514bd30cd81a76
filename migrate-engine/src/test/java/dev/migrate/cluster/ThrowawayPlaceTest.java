package dev.migrate.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class ThrowawayPlaceTest {

    @TempDir
    Path root;

    @Test
    void aFilesystemThatIsNotInMemoryLeavesTheDataOnDisk() throws IOException {
        Path notMemory = Files.createDirectories(root.resolve("disk-backed"));
        Path onDisk = root.resolve("target/migrate");

        Path data = new ThrowawayPlace(List.of(notMemory), 0).newDataDirectory(onDisk);

        assertThat(data.getParent()).isEqualTo(onDisk);
        assertThat(data.getFileName().toString()).startsWith("throwaway-");
        assertThat(data).isEmptyDirectory();
        assertThat(notMemory).isEmptyDirectory();
    }

    @Test
    void memoryWithTooLittleRoomLeavesTheDataOnDisk() throws IOException {
        Path onDisk = root.resolve("target/migrate");

        Path data = new ThrowawayPlace(List.of(Path.of("/dev/shm")), Long.MAX_VALUE).newDataDirectory(onDisk);

        assertThat(data.getParent()).isEqualTo(onDisk);
    }

    @Test
    void onDiskKeepsTheDataOnDiskWhateverMemoryTheMachineHas() throws IOException {
        Path onDisk = root.resolve("target/migrate");

        Path data = ThrowawayPlace.onDisk().newDataDirectory(onDisk);

        assertThat(data.getParent()).isEqualTo(onDisk);
    }

    @Test
    void aMemoryFilesystemWithRoomTakesTheData() throws IOException {
        Path shm = Path.of("/dev/shm");
        boolean memory =
                Files.isDirectory(shm) && Files.getFileStore(shm).type().equals("tmpfs") && Files.isWritable(shm);
        Path onDisk = root.resolve("target/migrate");

        Path data = new ThrowawayPlace(List.of(shm), 0).newDataDirectory(onDisk);
        try {
            // this machine's /dev/shm decides; Linux CI runners have one
            assertThat(data.getParent()).isEqualTo(memory ? shm : onDisk);
            assertThat(data.getFileName().toString()).startsWith(memory ? ThrowawayPlace.PREFIX : "throwaway-");
            assertThat(data).isEmptyDirectory();
        } finally {
            ClusterTemplate.delete(data);
        }
    }

    @Test
    void aSweepTakesWhatAGoneServerLeftAndKeepsWhatARunningOneOrACopyInProgressHolds() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path gone = directory(ThrowawayPlace.PREFIX + "gone", finished.pid());
        Path running = directory(
                ThrowawayPlace.PREFIX + "running", ProcessHandle.current().pid());
        Path copying = Files.createDirectories(root.resolve(ThrowawayPlace.PREFIX + "copying"));
        Path abandoned = Files.createDirectories(root.resolve(ThrowawayPlace.PREFIX + "abandoned"));
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path other = directory("someone-else", finished.pid());

        ThrowawayPlace.sweep(root);

        assertThat(gone).doesNotExist();
        assertThat(abandoned).doesNotExist();
        assertThat(running).isDirectory();
        assertThat(copying).isDirectory();
        assertThat(other).isDirectory();
    }

    /** A data directory whose postmaster.pid names {@code pid}, as a server writes it. */
    private Path directory(String name, long pid) throws IOException {
        Path directory = Files.createDirectories(root.resolve(name));
        Files.createDirectories(directory.resolve("base"));
        Files.writeString(directory.resolve("postmaster.pid"), pid + "\n" + directory + "\n1700000000\n5432\n");
        return directory;
    }

    @Test
    void aServerIsServedFromItsOwnDataDirectoryAndNoOther(@TempDir Path elsewhere) throws Exception {
        DataSource server = TestPostgres.freshDatabase("served_from");
        String own;
        try (Connection c = server.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            own = rs.getString(1);
        }

        List<String> closed = new java.util.ArrayList<>();
        int[] starts = {0};
        ThrowawayPlace.ServerStart<AutoCloseable> start = () -> {
            int n = ++starts[0];
            return () -> closed.add("server " + n);
        };

        assertThat(ThrowawayPlace.startServedFrom(Path.of(own), start, started -> server))
                .isNotNull();
        assertThat(starts[0]).isEqualTo(1);
        assertThat(closed).isEmpty();
        // another server answers each time: each one started here is stopped, and the third failure says why
        assertThatThrownBy(() -> ThrowawayPlace.startServedFrom(elsewhere, start, started -> server))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("another PostgreSQL answered three times")
                .hasMessageContaining(elsewhere.toString());
        assertThat(closed).containsExactly("server 2", "server 3", "server 4");

        assertThat(ThrowawayPlace.servedFrom(server, Path.of(own))).isTrue();
        assertThat(ThrowawayPlace.servedFrom(server, elsewhere)).isFalse();
        PGSimpleDataSource nobody = new PGSimpleDataSource();
        nobody.setPortNumbers(new int[] {1});
        assertThat(ThrowawayPlace.servedFrom(nobody, Path.of(own))).isFalse();
    }
}
