package dev.migrate.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code module}: the compiled classes of a project that declares a module get its {@code module.properties}, and
 * those of a project that declares none get no file, with a line that says so.
 */
class ModuleCommandTest {
    private static final String BILLING = "dev/migrate/command/modules/billing/package-info.class";

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();

    @Test
    void classesThatDeclareAModuleGetItsFile() throws Exception {
        Path classes = dir.resolve("classes");
        Path packageInfo = classes.resolve(BILLING);
        Files.createDirectories(packageInfo.getParent());
        Files.copy(testClass(BILLING), packageInfo); // @MigrationModule(name = "billing", dependsOn = "core")

        new ModuleCommand(classes, List.of()).run(context());

        Path file = classes.resolve("META-INF/migrate/module.properties");
        assertThat(file).content().contains("name=billing\n", "dependsOn=core\n");
        assertThat(lines)
                .containsExactly("Module billing (dev.migrate.command.modules.billing) depends on core: written to "
                        + "classes/META-INF/migrate/module.properties.");
    }

    @Test
    void classesThatDeclareNoModuleGetNoFile() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));

        new ModuleCommand(classes, List.of()).run(context());

        assertThat(classes.resolve("META-INF")).doesNotExist();
        assertThat(lines)
                .containsExactly("No package in classes carries @MigrationModule: the project ships no module, and no"
                        + " module.properties is written.");
    }

    private CommandContext context() {
        return TestContext.onUrl(new RecordingOutput(lines), null, dir, Migrator::builder);
    }

    private static Path testClass(String file) throws URISyntaxException {
        URL url = Objects.requireNonNull(ModuleCommandTest.class.getResource("/" + file), file);
        return Path.of(url.toURI());
    }
}
