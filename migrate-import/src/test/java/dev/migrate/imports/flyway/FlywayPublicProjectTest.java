package dev.migrate.imports.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real project's Flyway folder: the PostgreSQL migrations of Vlad Mihalcea's High-Performance Java Persistence
 * (github.com/vladmihalcea/high-performance-java-persistence, Apache License 2.0), from {@code
 * core/src/test/resources/flyway/db/postgresql/migration/} at commit 0666418d1b05fdc97b1826d521bf0871647af26c,
 * copied unchanged to {@code src/test/resources/flyway/high-performance-java-persistence/} with a README naming it.
 */
class FlywayPublicProjectTest {
    private static final Path FOLDER = Path.of("src/test/resources/flyway/high-performance-java-persistence")
            .toAbsolutePath();

    @Test
    void readsAsFlywayRunsIt() throws Exception {
        FlywaySettings settings = FlywaySettings.read(Path.of("."), Map.of("locations", "filesystem:" + FOLDER));
        OldChain chain = FlywayMigrations.read(settings);
        assertThat(chain.refusals()).isEmpty();
        assertThat(chain.migrations()).extracting(OldMigration::key).containsExactly("1.0", "1.1", "1.2", "1.3");
        assertThat(chain.migrations().get(0).description()).isEqualTo("initial script");
        assertThat(chain.migrations().get(3).upgrade())
                .containsExactly(
                        "create table post_tag (post_id int8 not null, tag_id int8 not null)",
                        "alter table post_tag add constraint POST_TAG_TAG_ID_FK foreign key (tag_id) references tag",
                        "alter table post_tag add constraint POST_TAG_POST_ID_FK foreign key (post_id) references post");

        String database = FlywayHistory.database("flyway_hpjp");
        FlywayRun.migrate(FlywayHistory.flyway(), FlywayRun.of(FlywayHistory.url(database), settings));
        List<FlywayHistory.Row> rows = FlywayHistory.rows(database, "flyway_schema_history");
        assertThat(rows).extracting(FlywayHistory.Row::version).containsExactly("1.0", "1.1", "1.2", "1.3");
        assertThat(rows)
                .extracting(FlywayHistory.Row::script)
                .containsExactlyElementsOf(
                        chain.migrations().stream().map(OldMigration::source).toList());
        assertThat(rows)
                .extracting(r -> String.valueOf(r.checksum()))
                .containsExactlyElementsOf(chain.migrations().stream()
                        .map(m -> m.checksums().get(0))
                        .toList());
    }
}
