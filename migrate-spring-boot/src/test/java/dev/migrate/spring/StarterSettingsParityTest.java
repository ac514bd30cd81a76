package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingSamples;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every row of the settings table the starter takes is a property of the starter: each run setting is read from
 * the environment as the row's type reads it, every other one is in the metadata IDEs complete from; a row the
 * starter does not take says why.
 */
class StarterSettingsParityTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
            .withBean(DataSource.class, () -> TestPostgres.dataSource(TestPostgres.createDatabase("parity")))
            .withPropertyValues("migrate.mode=none", "migrate.packages=dev.migrate.spring.fixtures");

    @Test
    void theStarterTakesEachOfItsSettingsOfTheTable() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Setting<?> setting : SettingsTable.ALL) {
            if (!setting.takenBy(Face.SPRING_BOOT)) {
                assertThat(setting.absent().get(Face.SPRING_BOOT))
                        .as("why the starter does not take %s", setting.name())
                        .isNotBlank();
                continue;
            }
            String property = setting.spelled(Face.SPRING_BOOT);
            assertThat(metadata).as(property).contains("\"name\": \"" + property + "\"");
            if (!StarterSettings.readThroughTable(setting)) {
                continue;
            }
            String sample = SettingSamples.of(setting.type());
            runner.withPropertyValues(property + "=" + sample).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(StarterSettings.class).resolved().given(setting))
                        .as(property)
                        .isEqualTo(setting.type().read(property, sample));
            });
        }
    }
}
