package dev.migrate.autogen.entity;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityDdlTest {
    static Path testClasses() throws Exception {
        return location(EntityDdlTest.class);
    }

    @Test
    void hibernateWritesTheDdlOfScannedEntities() throws Exception {
        List<String> ddl = new EntityDdl(
                        List.of(testClasses()), List.of("dev.migrate.autogen.entity.simple"), null, Map.of())
                .generate(getClass().getClassLoader(), 18);
        assertThat(ddl).anyMatch(s -> s.startsWith("create table agents ("));
        assertThat(ddl).anyMatch(s -> s.startsWith("create table Task ("));
        assertThat(ddl).anyMatch(s -> s.startsWith("create sequence Task_SEQ"));
        assertThat(ddl).allMatch(s -> !s.endsWith(";"));
    }

    @Test
    void aNamedPersistenceUnitTakesOnlyItsClasses() throws Exception {
        List<String> ddl = new EntityDdl(List.of(testClasses()), List.of(), "agents-only", Map.of())
                .generate(getClass().getClassLoader(), 18);
        assertThat(ddl).anyMatch(s -> s.startsWith("create table agents ("));
        assertThat(ddl).noneMatch(s -> s.contains("Task"));
    }

    @Test
    void theProviderIsNamedWithItsVersion() {
        assertThat(EntityDdl.provider(getClass().getClassLoader()))
                .isEqualTo("org.hibernate.jpa.HibernatePersistenceProvider 7.4.6.Final");
    }
}
