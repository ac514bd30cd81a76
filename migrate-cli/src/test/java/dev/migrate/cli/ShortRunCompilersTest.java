package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Which JVMs the compiler directive is not tried in, read from {@code java.vm.info} alone. */
class ShortRunCompilersTest {
    @Test
    void aJvmRunningC1AloneOrNoCompilerSaysSoInItsInfoAndIsLeftAsItIs() {
        // as HotSpot 17 prints them: -XX:TieredStopAtLevel=1, -Xint, -Xcomp, the default
        assertThat(ShortRunCompilers.compilersChosen("mixed mode, emulated-client, sharing"))
                .isTrue();
        assertThat(ShortRunCompilers.compilersChosen("interpreted mode, sharing"))
                .isTrue();
        assertThat(ShortRunCompilers.compilersChosen("compiled mode, sharing")).isFalse();
        assertThat(ShortRunCompilers.compilersChosen("mixed mode, sharing")).isFalse();
        assertThat(ShortRunCompilers.compilersChosen("")).isFalse();
    }

    @Test
    void thisJvmsInfoIsReadAsItsOptionsSay() {
        // the test's own JVM, whichever compilers it was started with
        boolean c1Alone =
                ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:TieredStopAtLevel=1");
        boolean interpreted =
                ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xint");
        assertThat(ShortRunCompilers.compilersChosen(System.getProperty("java.vm.info", "")))
                .isEqualTo(c1Alone || interpreted);
    }
}
