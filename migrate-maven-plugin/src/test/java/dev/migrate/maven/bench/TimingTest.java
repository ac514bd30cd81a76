package dev.migrate.maven.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingTest {
    @TempDir
    Path dir;

    @Test
    void theHeapLiveIsTheOneAfterTheLastFullCollectionAskedForWhereTheFullestIsTheLargestAfterAny() throws Exception {
        Path time = Files.writeString(dir.resolve("time.txt"), "412000 3.20 0.45\n");
        // as G1 logs with -Xlog:gc: young pauses (the fullest of all among them, in G), one full collection of its
        // own, one asked by System.gc(), then one more young pause and the last full collection, asked by jcmd GC.run
        Path gc = Files.writeString(dir.resolve("time.gc"), """
                [1.204s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->9M(256M) 5.120ms
                [4.880s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 2G->1G(3G) 20.002ms
                [5.100s][info][gc] GC(8) Pause Full (G1 Compaction Pause) 500M->120M(3G) 80.000ms
                [9.010s][info][gc] GC(9) Pause Full (System.gc()) 260M->131M(3G) 61.500ms
                [9.420s][info][gc] GC(10) Pause Young (Normal) (G1 Evacuation Pause) 180M->140M(3G) 4.000ms
                [9.900s][info][gc] GC(11) Pause Full (Diagnostic Command) 150M->128M(3G) 70.000ms
                """);

        Timing.Figures figures = Timing.Figures.read(time, gc).orElseThrow();

        assertThat(figures.peakRssKb()).isEqualTo(412_000);
        assertThat(figures.cpuSeconds()).isEqualTo(3.65, within(1e-9));
        // the fullest is the largest after any collection, not the last; the live one the last asked for
        assertThat(figures.heapAfterGcKb()).isEqualTo(1024L * 1024);
        assertThat(figures.liveHeapKb()).isEqualTo(128L * 1024);
        assertThat(Timing.megabytes(new Timing(List.of(1L), List.of(figures)).liveHeapMb()))
                .isEqualTo("128 MB");
    }

    @Test
    void noFullCollectionAskedForLeavesTheLiveHeapUnmeasured() throws Exception {
        Path time =
                Files.writeString(dir.resolve("time.txt"), "Command exited with non-zero status 1\n90000 0.50 0.10\n");
        Path gc = Files.writeString(
                dir.resolve("time.gc"),
                "[0.900s][info][gc] GC(0) Pause Full (G1 Compaction Pause) 64M->30M(128M) 12.000ms\n");

        Timing.Figures figures = Timing.Figures.read(time, gc).orElseThrow();

        assertThat(figures.heapAfterGcKb()).isEqualTo(30 * 1024);
        assertThat(figures.liveHeapKb()).isEqualTo(-1);
        assertThat(new Timing(List.of(1L), List.of(figures)).liveHeapMb()).isEqualTo(-1);
        assertThat(Timing.megabytes(-1)).isEqualTo("-");
    }
}
