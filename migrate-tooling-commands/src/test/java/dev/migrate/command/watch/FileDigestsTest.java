package dev.migrate.command.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestsTest {
    @TempDir
    Path classes;

    @Test
    void aFileWrittenAgainWithOtherBytesOfTheSameLengthIsAChangeAndTheSameBytesAreNot() throws Exception {
        Path entity = write("app/Order.class", "CAFEBABE order id total");
        Path other = write("app/Customer.class", "CAFEBABE customer id name");
        FileDigests digests = new FileDigests(List.of(classes));

        // two bytes swapped: the length is the same, and so would be a plain sum of the bytes
        write("app/Order.class", "CAFEBABE order di total");
        write("app/Customer.class", "CAFEBABE customer id name");
        FileDigests.Reading swapped = digests.read(Set.of(entity, other));
        assertThat(swapped.changed()).containsExactly(entity);
        assertThat(swapped.same()).containsExactly(other);

        write("app/Order.class", "CAFEBABE order di totaL");
        assertThat(digests.read(Set.of(entity)).changed()).containsExactly(entity);
        assertThat(digests.read(Set.of(entity)).same()).containsExactly(entity);
    }

    @Test
    void aClassFileDeletedIsHeldUntilWrittenAgainAndItsOldBytesAreNoChange() throws Exception {
        Path entity = write("app/Order.class", "CAFEBABE order id total");
        Path resource = write("views.sql", "CREATE VIEW v AS SELECT 1");
        FileDigests digests = new FileDigests(List.of(classes));

        Files.delete(entity);
        FileDigests.Reading deleted = digests.read(Set.of(classes));
        assertThat(deleted.changed()).isEmpty();
        assertThat(deleted.compiling()).isTrue();
        assertThat(digests.holding()).isTrue();

        write("app/Order.class", "CAFEBABE order id total");
        FileDigests.Reading again = digests.read(Set.of(entity));
        assertThat(again.changed()).isEmpty();
        assertThat(again.same()).containsExactly(entity);
        assertThat(digests.holding()).isFalse();

        Files.delete(resource);
        assertThat(digests.read(Set.of(resource)).changed()).containsExactly(resource);
    }

    private Path write(String name, String content) throws Exception {
        Path file = classes.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
