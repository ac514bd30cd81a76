package dev.migrate.command.tooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.command.entity.EntityOrigin;
import dev.migrate.text.Fixes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Differences that a new JPA provider makes while no entity class changed are named as the provider's. */
class ProviderBaselineTest {
    @TempDir
    Path project;

    private Path classes;
    private Optional<Path> kept;

    @BeforeEach
    void compiled() throws Exception {
        classes = Files.createDirectories(project.resolve("target/classes/com/example"));
        Files.write(classes.resolve("Customer.class"), new byte[] {1, 2, 3});
        kept = Optional.of(project.resolve("target/migrate").resolve(ProviderBaseline.FILE));
    }

    private EntityOrigin origin(String providerJar) {
        return EntityOrigin.of(
                        List.of(project.resolve("target/classes")),
                        List.of(
                                project.resolve("lib/jakarta.persistence-api-3.2.0.jar"),
                                project.resolve("lib/" + providerJar)))
                .orElseThrow();
    }

    @Test
    void theProviderIsNamedByItsJarAndAnUnknownOneByNone() {
        assertThat(origin("hibernate-core-7.2.0.Final.jar").provider()).isEqualTo("hibernate-core 7.2.0.Final");
        assertThat(origin("eclipselink-4.0.8.jar").provider()).isEqualTo("eclipselink 4.0.8");
        assertThat(EntityOrigin.of(List.of(), List.of(project.resolve("lib/some-provider-1.0.jar"))))
                .isEmpty();
    }

    @Test
    void aNewProviderWithTheSameClassesIsTheCauseOfEveryDifference() {
        ProviderBaseline.agreed(kept, origin("hibernate-core-7.1.4.Final.jar"));
        assertThat(ProviderBaseline.cause(
                        kept, Optional.empty(), Fixes.GOALS, origin("hibernate-core-7.1.4.Final.jar"), 6))
                .as("the same provider causes nothing")
                .isEmpty();
        assertThat(ProviderBaseline.cause(
                        kept, Optional.empty(), Fixes.GOALS, origin("hibernate-core-7.2.0.Final.jar"), 6))
                .hasValueSatisfying(cause -> assertThat(cause)
                        .startsWith("These 6 differences come from hibernate-core 7.1.4.Final -> 7.2.0.Final, not from"
                                + " your entities: no entity class changed since they last matched the schema at head.")
                        .contains("-Dmigrate.message=\"hibernate-core 7.2.0.Final DDL\"")
                        .contains("keep hibernate-core at 7.1.4.Final"));
    }

    @Test
    void aNewProviderWithChangedClassesMayBeACause() throws Exception {
        ProviderBaseline.agreed(kept, origin("hibernate-core-7.1.4.Final.jar"));
        Files.write(classes.resolve("Customer.class"), new byte[] {1, 2, 4});
        assertThat(ProviderBaseline.cause(
                        kept, Optional.empty(), Fixes.GOALS, origin("hibernate-core-7.2.0.Final.jar"), 1))
                .hasValue("The JPA provider changed (hibernate-core 7.1.4.Final -> 7.2.0.Final) since the entities last"
                        + " matched the schema at head, and so did the entity classes: some of these differences may"
                        + " come from the provider.");
    }

    @Test
    void aFreshCheckoutTellsFromTheHeadMigrationsHeaderThatTheProviderMayBeTheCause() {
        String header = """
                /**
                 * create shifts
                 *
                 * <p>Revises nothing: this is the first migration. Written 2026-11-28 04:14:48 UTC by
                 * migrate:autogenerate from the entity DDL of hibernate-core
                 * 6.6.56.Final: review before applying.
                 */
                """;
        Optional<String> head = ProviderBaseline.named(header);
        assertThat(head).hasValue("hibernate-core 6.6.56.Final");
        assertThat(ProviderBaseline.named("Written by migrate:autogenerate: review before applying."))
                .isEmpty();
        assertThat(ProviderBaseline.cause(kept, head, Fixes.GOALS, origin("hibernate-core-7.0.10.Final.jar"), 1))
                .hasValue("The head migration was written from the entity DDL of hibernate-core 6.6.56.Final, and the"
                        + " project now runs hibernate-core 7.0.10.Final: some of these differences may come from the"
                        + " provider. Run the comparison once before a provider update, and it tells them apart.");
        assertThat(ProviderBaseline.cause(kept, head, Fixes.GOALS, origin("hibernate-core-6.6.56.Final.jar"), 1))
                .isEmpty();
    }

    @Test
    void withoutAModelKeptNothingIsSaidAndABrokenFileIsNamed() throws Exception {
        assertThat(ProviderBaseline.cause(
                        kept, Optional.empty(), Fixes.GOALS, origin("hibernate-core-7.2.0.Final.jar"), 2))
                .isEmpty();
        assertThat(ProviderBaseline.cause(
                        Optional.empty(), Optional.empty(), Fixes.GOALS, origin("hibernate-core-7.2.0.Final.jar"), 2))
                .isEmpty();
        Files.createDirectories(kept.orElseThrow().getParent());
        Files.writeString(kept.orElseThrow(), "provider=\\u12");
        assertThatThrownBy(() -> ProviderBaseline.cause(
                        kept, Optional.empty(), Fixes.GOALS, origin("hibernate-core-7.2.0.Final.jar"), 2))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(ProviderBaseline.FILE)
                .hasMessageContaining("Delete it");
    }
}
