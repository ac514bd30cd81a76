package dev.migrate.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.testing.LongSuite;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@LongSuite
class ClusterTemplateTest {
    @TempDir
    Path root;

    private final AtomicInteger initdbs = new AtomicInteger();
    private final java.util.concurrent.CountDownLatch bothMaking = new java.util.concurrent.CountDownLatch(2);

    private void initdb(Path empty) throws IOException {
        initdbs.incrementAndGet();
        EmbeddedPostgres.builder()
                .setDataDirectory(empty)
                .setCleanDataDirectory(false)
                .start()
                .close();
    }

    private static EmbeddedPostgres startOn(Path data) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
    }

    @Test
    void theClusterIsMadeOnceAndEachDataDirectoryIsACopyOfItThatAServerStartsOn() throws Exception {
        ClusterTemplate template = ClusterTemplate.keptIn(root.resolve("kept"));
        Path first = root.resolve("first");
        Path second = Files.createDirectory(root.resolve("second"));

        Path kept = root.resolve("kept").resolve("binaries_18.jar-123");
        assertThat(template.copyInto(first, "binaries 18.jar-123", this::initdb))
                .isEqualTo(kept);
        assertThat(template.copyInto(second, "binaries 18.jar-123", this::initdb))
                .isEqualTo(kept);

        assertThat(initdbs).hasValue(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first)))
                .as("the server refuses a data directory others may read")
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        assertThat(kept.resolve("epg-lock"))
                .as("the launcher's lock of the initdb run")
                .exists();
        assertThat(first.resolve("epg-lock")).doesNotExist();
        try (EmbeddedPostgres a = startOn(first);
                EmbeddedPostgres b = startOn(second)) {
            execute(a, "CREATE TABLE only_in_first (id int)");
            assertThat(tables(a)).containsExactly("only_in_first");
            assertThat(tables(b)).as("each copy is a cluster of its own").isEmpty();
        }
        assertThat(kept.resolve("postmaster.pid")).doesNotExist();
    }

    /** Stands for initdb where the copying alone is tested: a cluster of one file. */
    private void fakeInitdb(Path empty) throws IOException {
        initdbs.incrementAndGet();
        Files.writeString(empty.resolve("PG_VERSION"), "18\n");
    }

    @Test
    void aDataDirectoryThatHoldsAClusterIsLeftAsItIs() throws Exception {
        ClusterTemplate template = ClusterTemplate.keptIn(root.resolve("kept"));
        Path data = root.resolve("data");
        assertThat(template.copyInto(data, "k", this::fakeInitdb)).isNotNull();
        Files.writeString(data.resolve("PG_VERSION"), "17\n");

        assertThat(template.copyInto(data, "k", this::fakeInitdb)).isNull();
        assertThat(data.resolve("PG_VERSION")).hasContent("17");
        assertThat(initdbs).hasValue(1);
    }

    @Test
    void anotherKeyMakesAnotherCluster() throws Exception {
        ClusterTemplate template = ClusterTemplate.keptIn(root.resolve("kept"));
        template.copyInto(root.resolve("a"), "postgres-17.jar-1", this::fakeInitdb);
        template.copyInto(root.resolve("b"), "postgres-18.jar-1", this::fakeInitdb);
        template.copyInto(root.resolve("c"), "postgres-18.jar-1", this::fakeInitdb);
        assertThat(initdbs).hasValue(2);
    }

    @Test
    void twoProcessesMakingTheClusterAtOnceBothGetACopyAndOneClusterIsKept() throws Exception {
        ClusterTemplate template = ClusterTemplate.keptIn(root.resolve("kept"));
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<Path> a = CompletableFuture.supplyAsync(() -> copy(template, root.resolve("a")), two);
        CompletableFuture<Path> b = CompletableFuture.supplyAsync(() -> copy(template, root.resolve("b")), two);
        two.shutdown();
        assertThat(a.get()).isEqualTo(b.get());
        assertThat(initdbs).as("both made one").hasValue(2);
        assertThat(root.resolve("a/PG_VERSION")).exists();
        assertThat(root.resolve("b/PG_VERSION")).exists();
        try (var left = Files.list(root.resolve("kept"))) {
            assertThat(left.map(p -> p.getFileName().toString()).toList())
                    .as("no half-made cluster stays behind")
                    .containsExactly("k");
        }
    }

    private Path copy(ClusterTemplate template, Path to) {
        try {
            return java.util.Objects.requireNonNull(template.copyInto(to, "k", empty -> {
                fakeInitdb(empty);
                bothMaking.countDown();
                try {
                    // neither keeps its cluster before the other has made one too
                    assertThat(bothMaking.await(10, java.util.concurrent.TimeUnit.SECONDS))
                            .isTrue();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anInitdbThatLeavesNoClusterIsAnErrorAndKeepsNothing() {
        ClusterTemplate template = ClusterTemplate.keptIn(root.resolve("kept"));
        assertThatThrownBy(() -> template.copyInto(root.resolve("a"), "k", empty -> {}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("initdb left no cluster");
        assertThat(root.resolve("kept")).isEmptyDirectory();
    }

    @Test
    void aDamagedKeptClusterIsNamedWithTheFix() throws Exception {
        Files.createDirectories(root.resolve("kept/k/base"));
        ClusterTemplate template = ClusterTemplate.keptIn(root.resolve("kept"));
        assertThatThrownBy(() -> template.copyInto(root.resolve("a"), "k", this::initdb))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(root.resolve("kept/k").toString())
                .hasMessageContaining("delete that directory");
    }

    @Test
    void aKeptDirectoryOthersMayWriteToIsRefusedAndANewOneIsTheUsersAlone() throws Exception {
        Path shared = Files.createDirectory(
                root.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> ClusterTemplate.keptIn(shared).copyInto(root.resolve("a"), "k", this::fakeInitdb))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(shared + ", belongs to another user or others may write to it")
                .hasMessageContaining("Delete it");
        assertThat(initdbs).hasValue(0);

        ClusterTemplate.keptIn(root.resolve("own")).copyInto(root.resolve("b"), "k", this::fakeInitdb);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("own"))))
                .isEqualTo("rwx------");
    }

    private static void execute(EmbeddedPostgres server, String sql) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> tables(EmbeddedPostgres server) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
