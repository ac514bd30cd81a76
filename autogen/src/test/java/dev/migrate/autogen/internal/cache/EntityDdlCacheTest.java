package dev.migrate.autogen.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.entity.EntityDdl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entity DDL keyed by what determines it, so that unchanged entities never start the provider. */
class EntityDdlCacheTest {
    @TempDir
    Path dir;

    @Test
    void theInputKeyChangesWithEachIngredientOfTheDdl() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/shop"));
        Files.write(classes.resolve("Order.class"), new byte[] {1, 2, 3});
        Path jar = Files.write(dir.resolve("hibernate-core-7.4.6.Final.jar"), new byte[] {9});
        Path root = dir.resolve("classes");
        EntityDdl entities =
                new EntityDdl(List.of(root), List.of("shop"), null, Map.of("hibernate.default_schema", "app"));
        List<Path> classpath = List.of(root, jar);
        String key = EntitySchemaCache.ddlKey(entities, classpath, 18);

        assertThat(EntitySchemaCache.ddlKey(
                        new EntityDdl(List.of(root), List.of("shop"), null, Map.of("hibernate.default_schema", "app")),
                        List.of(root, jar),
                        18))
                .isEqualTo(key)
                .matches("[0-9a-f]{64}");
        assertThat(EntitySchemaCache.ddlKey(entities, classpath, 17))
                .as("server major version")
                .isNotEqualTo(key);
        assertThat(EntitySchemaCache.ddlKey(
                        new EntityDdl(
                                List.of(root), List.of("shop"), null, Map.of("hibernate.default_schema", "other")),
                        classpath,
                        18))
                .as("a provider setting")
                .isNotEqualTo(key);
        assertThat(EntitySchemaCache.ddlKey(
                        new EntityDdl(
                                List.of(root),
                                List.of("shop", "billing"),
                                null,
                                Map.of("hibernate.default_schema", "app")),
                        classpath,
                        18))
                .as("packages")
                .isNotEqualTo(key);
        assertThat(EntitySchemaCache.ddlKey(
                        new EntityDdl(
                                List.of(root), List.of("shop"), "unit", Map.of("hibernate.default_schema", "app")),
                        classpath,
                        18))
                .as("persistence unit")
                .isNotEqualTo(key);
        assertThat(EntitySchemaCache.ddlKey(entities, List.of(root, jar, dir.resolve("spring-boot.jar")), 18))
                .as("another jar")
                .isNotEqualTo(key);

        // the key stands for contents (a clean checkout elsewhere makes the same one): a time alone changes nothing
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat(EntitySchemaCache.ddlKey(entities, classpath, 18))
                .as("a jar touched")
                .isEqualTo(key);
        Files.write(jar, new byte[] {8});
        String rebuiltJar = EntitySchemaCache.ddlKey(entities, classpath, 18);
        assertThat(rebuiltJar).as("a rebuilt jar of the same length").isNotEqualTo(key);

        Files.write(classes.resolve("Order.class"), new byte[] {1, 2, 4});
        String editedEntity = EntitySchemaCache.ddlKey(entities, classpath, 18);
        assertThat(editedEntity).as("an entity class's bytes").isNotEqualTo(rebuiltJar);
        Files.write(classes.resolve("Status.class"), new byte[] {5});
        assertThat(EntitySchemaCache.ddlKey(entities, classpath, 18))
                .as("a new class, such as an enum an entity uses")
                .isNotEqualTo(editedEntity);
    }

    @Test
    void anUnchangedKeyAnswersWithoutTheProvider() throws Exception {
        Path cacheDirectory = dir.resolve("cache");
        List<String> ddl =
                List.of("create table a (id bigint not null, primary key (id))", "create index ix on a (id)");
        List<String> calls = new ArrayList<>();
        String key = "ab".repeat(32);

        EntitySchemaCache first = new EntitySchemaCache(cacheDirectory);
        assertThat(first.ddl(key, () -> {
                    calls.add("provider");
                    return ddl;
                }))
                .isEqualTo(ddl);
        assertThat(first.ddlHits()).isZero();

        EntitySchemaCache second = new EntitySchemaCache(cacheDirectory);
        assertThat(second.ddl(key, () -> {
                    calls.add("provider");
                    return List.of();
                }))
                .isEqualTo(ddl);
        assertThat(second.ddlHits()).isEqualTo(1);
        assertThat(calls).containsExactly("provider");
        assertThat(cacheDirectory.resolve(key + EntitySchemaCache.DDL_SUFFIX)).isRegularFile();

        // another key is another model: the provider runs
        assertThat(second.ddl("cd".repeat(32), () -> {
                    calls.add("provider");
                    return List.of("create table b (id int)");
                }))
                .containsExactly("create table b (id int)");
        assertThat(calls).hasSize(2);
    }

    @Test
    void aCorruptEntryIsAMissAndIsRewritten() throws Exception {
        String key = "ef".repeat(32);
        Files.createDirectories(dir);
        Files.write(dir.resolve(key + EntitySchemaCache.DDL_SUFFIX), new byte[] {0, 1, 2});
        EntitySchemaCache cache = new EntitySchemaCache(dir);
        assertThat(cache.ddl(key, () -> List.of("create table c (id int)"))).containsExactly("create table c (id int)");
        assertThat(cache.ddlHits()).isZero();
        assertThat(new EntitySchemaCache(dir).ddl(key, List::of)).containsExactly("create table c (id int)");
    }
}
