package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** The directive that keeps C2 out is in force while the comparison runs, and gone after it. */
class QuickCompilationTest {

    @Test
    void c2IsExcludedWhileItIsOpenAndTheDirectiveIsRemovedWhenItCloses() throws Exception {
        String before = directives();
        assertThat(before).doesNotContain("c2: {Exclude:true");

        try (QuickCompilation compiling = QuickCompilation.start(new SystemStreamLog())) {
            assertThat(compiling.awaitInForce()).isTrue();
            String during = directives();
            assertThat(count(during, "Directive:")).isEqualTo(count(before, "Directive:") + 1);
            assertThat(during).contains("*.*");
        }

        assertThat(directives()).isEqualTo(before);
    }

    private static String directives() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "compilerDirectivesPrint",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
