package dev.migrate.autogen.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class directory's fingerprint follows its files' contents, also where the process remembers their sums. */
class FingerprintTest {
    @TempDir
    Path classes;

    @Test
    void aFileWrittenAgainIsReadAgainWhetherItsSumsWereRememberedOrNot() throws Exception {
        Path entity = Files.createDirectories(classes.resolve("com/example")).resolve("Agent.class");
        long old = System.currentTimeMillis() - 60_000;

        // settled long ago: its sums are remembered
        Files.write(entity, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(entity, FileTime.fromMillis(old));
        String first = fingerprint();
        assertThat(fingerprint()).isEqualTo(first);

        // the same length, written again: a new modification time, so read again
        Files.write(entity, new byte[] {1, 2, 3, 5});
        String edited = fingerprint();
        assertThat(edited).isNotEqualTo(first);

        // written again within the same millisecond, the same length: not settled when read, so never taken
        // from memory
        long now = System.currentTimeMillis();
        Files.write(entity, new byte[] {9, 9, 9, 9});
        Files.setLastModifiedTime(entity, FileTime.fromMillis(now));
        String racy = fingerprint();
        Files.write(entity, new byte[] {8, 8, 8, 8});
        Files.setLastModifiedTime(entity, FileTime.fromMillis(now));
        assertThat(fingerprint()).isNotEqualTo(racy);
    }

    @Test
    void withinAComparisonAFileJustWrittenIsReadOnceAndEachComparisonReadsItAgain() throws Exception {
        Path entity = Files.createDirectories(classes.resolve("com/example")).resolve("Agent.class");
        long now = System.currentTimeMillis();
        Files.write(entity, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(entity, FileTime.fromMillis(now));
        String first;
        FileReads.Scope comparison = FileReads.scope();
        try {
            first = fingerprint();
            // written again in the same millisecond with the same length: the comparison keeps its one view
            Files.write(entity, new byte[] {9, 9, 9, 9});
            Files.setLastModifiedTime(entity, FileTime.fromMillis(now));
            assertThat(fingerprint()).isEqualTo(first);
            assertThat(FileReads.read(entity, 4, now).bytes()).containsExactly(1, 2, 3, 4);
            // a new time: read again within the comparison too
            Files.setLastModifiedTime(entity, FileTime.fromMillis(now + 1));
            assertThat(fingerprint()).isNotEqualTo(first);
            assertThat(FileReads.read(entity, 4, now + 1).bytes()).containsExactly(9, 9, 9, 9);
        } finally {
            comparison.close();
        }
        // the next comparison, and any read outside one, reads the file as it is
        Files.write(entity, new byte[] {7, 7, 7, 7});
        Files.setLastModifiedTime(entity, FileTime.fromMillis(now + 1));
        String outside = fingerprint();
        assertThat(outside).isNotEqualTo(first);
        assertThat(FileReads.read(entity, 4, now + 1).bytes()).containsExactly(7, 7, 7, 7);
        FileReads.Scope next = FileReads.scope();
        try {
            assertThat(FileReads.read(entity, 4, now + 1).bytes()).containsExactly(7, 7, 7, 7);
        } finally {
            next.close();
        }
    }

    @Test
    void bytesAComparisonReadBeforeTheFileSettledAreNotRememberedAfterIt() throws Exception {
        Path entity = Files.createDirectories(classes.resolve("com/example")).resolve("Agent.class");
        long modified = System.currentTimeMillis() - 1_500;
        Files.write(entity, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(entity, FileTime.fromMillis(modified));
        String inside;
        FileReads.Scope comparison = FileReads.scope();
        try {
            // read while the file is not settled; written again within the same millisecond, the same length
            fingerprint();
            Files.write(entity, new byte[] {9, 9, 9, 9});
            Files.setLastModifiedTime(entity, FileTime.fromMillis(modified));
            Thread.sleep(600); // settled now by the clock, but not when its bytes were read
            inside = fingerprint();
        } finally {
            comparison.close();
        }
        assertThat(fingerprint())
                .as("the sums of the early reading are not kept past the comparison: the file is read again")
                .isNotEqualTo(inside);
    }

    @Test
    void statementsAreKeyedByTheirTextWhetherTheListWasSummedBeforeOrChangedSince() {
        List<String> ddl = new ArrayList<>(List.of("create table a (id bigint)", "create table b (id bigint)"));
        String first = new Fingerprint().statements("ddl", ddl).hex();

        // the same statements in another list, and the sum another key takes of them, label first
        assertThat(new Fingerprint().statements("ddl", List.copyOf(ddl)).hex()).isEqualTo(first);
        assertThat(new Fingerprint().statements("entity DDL", ddl).hex()).isNotEqualTo(first);
        // the list summed last, changed since: summed again
        ddl.set(1, "create table b (id integer)");
        String changed = new Fingerprint().statements("ddl", ddl).hex();
        assertThat(changed).isNotEqualTo(first);
        ddl.add("create index b_id on b (id)");
        assertThat(new Fingerprint().statements("ddl", ddl).hex()).isNotEqualTo(changed);
        // and back: the key of the first text again
        ddl.remove(2);
        ddl.set(1, "create table b (id bigint)");
        assertThat(new Fingerprint().statements("ddl", ddl).hex()).isEqualTo(first);
    }

    private String fingerprint() {
        return new Fingerprint().classpathElement(classes).hex();
    }
}
