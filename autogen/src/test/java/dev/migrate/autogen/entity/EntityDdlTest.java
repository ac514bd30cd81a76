package dev.migrate.autogen.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityDdlTest {
    static Path testClasses() throws Exception {
        return Path.of(EntityDdlTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void hibernateWritesTheDdlOfScannedEntities() throws Exception {
        List<String> ddl = new EntityDdl(List.of(testClasses()), List.of("dev.migrate.autogen.entity.simple"), null, Map.of())
                .generate(getClass().getClassLoader(), 18);
        ddl.forEach(System.out::println);
        assertThat(ddl).anyMatch(s -> s.startsWith("create table agents ("));
        assertThat(ddl).anyMatch(s -> s.startsWith("create table Task ("));
        assertThat(ddl).anyMatch(s -> s.startsWith("create sequence Task_SEQ"));
        assertThat(ddl).allMatch(s -> !s.endsWith(";"));
    }
}
