package dev.migrate.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.internal.discovery.fixtures.good.V2_Second;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The class file reader sees what reflection sees, whatever else the constant pool holds. */
class ClassFileSummaryTest {

    /** Constants of every width and text beyond ASCII, around the annotation the reader looks for. */
    @Revision(
            id = "r_ümlaut",
            revises = {"a", "b"},
            message = "Größe 😀 ✓",
            branchLabels = "zweig",
            transactional = false)
    public static class Wide implements Migration {
        static final long BIG = 1L << 40;
        static final double HALF = 0.5;
        static final float THIRD = 1f / 3;
        final String text = "é" + BIG + HALF + THIRD;

        public Wide() {}

        @Override
        public void upgrade(Operations op) {
            Runnable lambda = () -> op.execute(text);
            lambda.run();
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Test
    void aNestedMigrationWithWideConstantsAndUnicodeTextIsReadAsReflectionReadsIt() throws IOException {
        ClassFileSummary summary = ClassFileSummary.read(bytesOf(Wide.class));
        assertThat(summary.binaryName()).isEqualTo(Wide.class.getName());
        assertThat(summary.superName()).isEqualTo("java/lang/Object");
        assertThat(summary.interfaces()).containsExactly("dev/migrate/Migration");
        assertThat(summary.publicNoArgConstructor()).isTrue();
        assertThat(summary.nested()).isTrue();
        assertThat(summary.revision())
                .isEqualTo(Map.of(
                        "id",
                        "r_ümlaut",
                        "revises",
                        List.of("a", "b"),
                        "message",
                        "Größe 😀 ✓",
                        "branchLabels",
                        List.of("zweig"),
                        "transactional",
                        false));
    }

    @Test
    void aTopLevelMigrationIsAPlainOne() throws IOException {
        ClassFileSummary summary = ClassFileSummary.read(bytesOf(V2_Second.class));
        assertThat(summary.binaryName()).isEqualTo(V2_Second.class.getName());
        assertThat(summary.nested()).isFalse();
        assertThat(summary.isPlainMigration()).isTrue();
        assertThat(summary.revision()).containsEntry("id", "f2").containsEntry("transactional", false);
    }

    @Test
    void aClassWithoutTheAnnotationHasNoRevision() throws IOException {
        ClassFileSummary summary = ClassFileSummary.read(bytesOf(ClassFileSummaryTest.class));
        assertThat(summary.revision()).isNull();
        assertThat(summary.isSurelyNotAConcreteMigration()).isTrue();
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        String resource = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theClassesAClassFileNamesAreReadFromItsConstantPool() throws IOException {
        List<String> named = ClassFileSummary.referencedClasses(bytesOf(Naming.class));

        assertThat(named)
                .contains(
                        "dev/migrate/internal/discovery/ClassFileSummaryTest$Naming",
                        "java/lang/StringBuilder",
                        "java/util/ArrayList",
                        "java/time/Duration")
                .doesNotContain("java/util/List"); // a field's type alone is no class its code names
    }

    /** Names classes through a constructor call, a static call, an array and a field's type. */
    static final class Naming {
        java.util.List<String> held = new java.util.ArrayList<>();

        String named() {
            java.time.Duration[] durations = new java.time.Duration[] {java.time.Duration.ZERO};
            return new StringBuilder().append(durations.length).toString();
        }
    }
}
