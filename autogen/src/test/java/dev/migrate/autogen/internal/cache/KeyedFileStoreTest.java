package dev.migrate.autogen.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.cache.CacheWrites;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedFileStoreTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    /** Strings and the JDK's lists only, as a cache's filter allows its own records. */
    private static final ObjectInputFilter STRINGS_AND_LISTS = info -> {
        Class<?> type = info.serialClass();
        if (type == null || type.isArray()) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        return type.getName().startsWith("java.")
                ? ObjectInputFilter.Status.ALLOWED
                : ObjectInputFilter.Status.REJECTED;
    };

    @TempDir
    Path directory;

    private KeyedFileStore store() {
        return new KeyedFileStore(directory.resolve("cache"), "test-store", STRINGS_AND_LISTS, 3);
    }

    @Test
    void readsBackWhatItWroteUnderTheSameKey() {
        store().write(KEY + ".entry", KEY, new ArrayList<>(List.of("a", "b")));

        assertThat(store().read(KEY + ".entry", KEY)).isEqualTo(List.of("a", "b"));
    }

    @Test
    void writtenBehindItIsReadFromMemoryUntilTheFileIsWrittenAndTheScopeWaitsForIt() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        Path file = directory.resolve("cache/" + KEY + ".entry");
        CacheWrites.Behind writes = CacheWrites.behind();
        try {
            // the writer held on a task queued first, so that the write below is still queued when read
            CacheWrites.queue(() -> {
                try {
                    writerBusy.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            store().write(KEY + ".entry", KEY, new ArrayList<>(List.of("a", "b")));

            assertThat(file).doesNotExist();
            assertThat(store().read(KEY + ".entry", KEY)).isEqualTo(List.of("a", "b"));
            assertThat(store().read(KEY + ".entry", "fedcba9876543210")).isNull();
            assertThat(store().prefetch(KEY + ".entry")).isEqualTo(List.of("a", "b"));
            assertThat(store().holds(KEY + ".entry")).isTrue();
            assertThat(store().names("", ".entry")).containsExactly(KEY + ".entry");
        } finally {
            writerBusy.countDown();
            writes.close();
        }
        // closing the scope waited for the file, which holds the header, the key and the value
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            assertThat(in.readUTF()).isEqualTo("test-store");
            assertThat(in.readUTF()).isEqualTo(KEY);
            assertThat(in.readObject()).isEqualTo(List.of("a", "b"));
        }
        assertThat(CacheWrites.writingBehind()).isFalse();
    }

    @Test
    void aMissingFileHoldsNothing() {
        assertThat(store().read(KEY + ".entry", KEY)).isNull();
    }

    @Test
    void anotherKeyInTheFileIsNothing() {
        store().write("same.entry", KEY, "value");

        assertThat(store().read("same.entry", "fedcba9876543210")).isNull();
    }

    @Test
    void aCorruptFileIsNothing() throws Exception {
        store().write("x.entry", KEY, "value");
        Path file = directory.resolve("cache/x.entry");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(store().read("x.entry", KEY)).isNull();

        Files.writeString(file, "not a serialized stream at all");
        assertThat(store().read("x.entry", KEY)).isNull();
    }

    @Test
    void anotherHeaderIsNothing() {
        new KeyedFileStore(directory.resolve("cache"), "another-store", STRINGS_AND_LISTS, 3)
                .write("x.entry", KEY, "value");

        assertThat(store().read("x.entry", KEY)).isNull();
    }

    @Test
    void aClassTheFilterRefusesIsNothing() {
        store().write("x.entry", KEY, new Refused("value"));

        assertThat(store().read("x.entry", KEY)).isNull();
    }

    @Test
    void aWriteReplacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        store().write("x.entry", KEY, "first");
        store().write("x.entry", KEY, "second");

        assertThat(store().read("x.entry", KEY)).isEqualTo("second");
        try (Stream<Path> files = Files.list(directory.resolve("cache"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x.entry");
        }
    }

    @Test
    void keepsTheMostRecentlyUsedEntriesOfASuffix() throws Exception {
        KeyedFileStore store = store();
        store.write("other.kind", KEY, "of another suffix, never pruned with these");
        for (int i = 1; i <= 3; i++) {
            store.write(i + ".entry", KEY, "entry " + i);
            Files.setLastModifiedTime(directory.resolve("cache/" + i + ".entry"), FileTime.fromMillis(1000L * i));
        }
        store.read("1.entry", KEY); // used: now the most recent of the three

        store.write("4.entry", KEY, "entry 4");

        try (Stream<Path> files = Files.list(directory.resolve("cache"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("other.kind", "1.entry", "3.entry", "4.entry");
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsNoError() throws Exception {
        Path file = directory.resolve("a-file");
        Files.writeString(file, "in the way");

        new KeyedFileStore(file, "test-store", STRINGS_AND_LISTS, 3).write("x.entry", KEY, "value");

        assertThat(new KeyedFileStore(file, "test-store", STRINGS_AND_LISTS, 3).read("x.entry", KEY))
                .isNull();
    }

    private record Refused(String value) implements java.io.Serializable {}

    @Test
    void aValueReadAgainFromAnUnchangedFileIsTheSameValueAndAChangedFileIsReadAnew() throws Exception {
        store().write("x.entry", KEY, new ArrayList<>(List.of("a")));
        Object first = store().read("x.entry", KEY);

        assertThat(store().read("x.entry", KEY)).isSameAs(first);

        // another process writes the file: what it holds now is read, not what was kept
        Path file = directory.resolve("cache/x.entry");
        byte[] before = Files.readAllBytes(file);
        new KeyedFileStore(directory.resolve("other"), "test-store", STRINGS_AND_LISTS, 3)
                .write("x.entry", KEY, new ArrayList<>(List.of("b", "c")));
        Files.write(file, Files.readAllBytes(directory.resolve("other/x.entry")));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        assertThat(before).isNotEqualTo(Files.readAllBytes(file));
        assertThat(store().read("x.entry", KEY)).isEqualTo(List.of("b", "c"));
    }

    @Test
    void aPrefetchedFileIsReadOnceAndAnsweredFromMemoryUnderTheKeyItHolds() throws Exception {
        // written by another process: nothing of it in memory yet
        new KeyedFileStore(directory.resolve("other"), "test-store", STRINGS_AND_LISTS, 3)
                .write("x.entry", KEY, new ArrayList<>(List.of("a", "b")));
        Path file = directory.resolve("cache/x.entry");
        Files.createDirectories(file.getParent());
        Files.copy(directory.resolve("other/x.entry"), file);

        Object prefetched = store().prefetch("x.entry");

        assertThat(prefetched).isEqualTo(List.of("a", "b"));
        // the file spoiled in place, same size and time: a read answers from what the prefetch kept
        FileTime time = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        java.util.Arrays.fill(bytes, 8, bytes.length, (byte) 0);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, time);
        assertThat(store().read("x.entry", KEY)).isSameAs(prefetched);
        assertThat(store().read("x.entry", "fedcba9876543210")).isNull();
    }

    @Test
    void aPrefetchOfAMissingCorruptOrForeignFileHoldsNothing() throws Exception {
        assertThat(store().prefetch("missing.entry")).isNull();

        new KeyedFileStore(directory.resolve("cache"), "another-store", STRINGS_AND_LISTS, 3)
                .write("foreign.entry", KEY, "value");
        assertThat(store().prefetch("foreign.entry")).isNull();

        store().write("refused.entry", KEY, new Refused("value"));
        assertThat(store().prefetch("refused.entry")).isNull();

        Files.writeString(directory.resolve("cache/corrupt.entry"), "not a serialized stream at all");
        assertThat(store().prefetch("corrupt.entry")).isNull();
    }

    @Test
    void namesAreThoseOfAPrefixAndSuffix() {
        store().write("ab-1.entry", KEY, "1");
        store().write("ab-2.other", KEY, "2");
        store().write("cd-3.entry", KEY, "3");

        assertThat(store().names("ab-", ".entry")).containsExactly("ab-1.entry");
        assertThat(new KeyedFileStore(directory.resolve("none"), "test-store", STRINGS_AND_LISTS, 3).names("", ""))
                .isEmpty();
    }
}
