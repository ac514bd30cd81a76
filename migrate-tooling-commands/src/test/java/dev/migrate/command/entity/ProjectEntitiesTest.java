package dev.migrate.command.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.entity.ProviderLog;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which model describes a project's entities is decided once per request, with one class loader: what the class
 * path lacks for JPA and whether Spring Data describes them instead are one answer, not two readings of the class
 * path that could disagree.
 */
class ProjectEntitiesTest {
    @TempDir
    Path classes;

    @Test
    void aRequestDecidesOnceWhatDescribesTheEntities() throws Exception {
        ProjectEntities entities = new ProjectEntities(classes, List.of(classes), List.of(), null, Map.of());
        SchemaSource.EntityModels request = entities.models(ProviderLog.QUIET, line -> {}, "mvn compile", null);
        assertThat(request.missingJpa().get()).hasValue("no JPA API (jakarta.persistence) on its classpath");

        // the JPA API and a provider appear on the class path after the request decided
        Path entity = classes.resolve("jakarta/persistence/Entity.class");
        Files.createDirectories(entity.getParent());
        try (InputStream api = Objects.requireNonNull(
                jakarta.persistence.Entity.class.getResourceAsStream("Entity.class"), "the JPA API's Entity class")) {
            Files.copy(api, entity);
        }
        Path provider = classes.resolve("META-INF/services/jakarta.persistence.spi.PersistenceProvider");
        Files.createDirectories(provider.getParent());
        Files.writeString(provider, "org.hibernate.jpa.HibernatePersistenceProvider\n");

        assertThat(request.missingJpa().get()).hasValue("no JPA API (jakarta.persistence) on its classpath");
        // a new request reads the class path again
        assertThat(entities.models(ProviderLog.QUIET, line -> {}, "mvn compile", null)
                        .missingJpa()
                        .get())
                .isEmpty();
    }
}
