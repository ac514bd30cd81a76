package dev.migrate.command.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.entity.ProviderLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** When a watch's next cycle describes every entity again, and says why, before the provider is asked anything. */
class DescribedModelTest {
    private static final EntityDdl ENTITIES =
            new EntityDdl(List.of(Path.of("target/classes")), List.of("shop"), null, Map.of());
    private static final List<String> DDL = List.of("create table customer (id bigint not null, primary key (id))");

    private final List<String> said = new ArrayList<>();

    private Map<String, byte[]> files(String... pathsAndTexts) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private DescribedModel remembered() {
        DescribedModel model = new DescribedModel();
        model.remember(ENTITIES, 18, files("shop/Customer.class", "one", "application.properties", "a=1"), DDL);
        return model;
    }

    private boolean describedAgain(DescribedModel model, EntityDdl entities, int major, Map<String, byte[]> now) {
        return model.changed(entities, major, now, getClass().getClassLoader(), ProviderLog.QUIET, said::add)
                .isEmpty();
    }

    @Test
    void theSameFilesAreTheSameModel() {
        assertThat(remembered()
                        .changed(
                                ENTITIES,
                                18,
                                files("shop/Customer.class", "one", "application.properties", "a=1"),
                                getClass().getClassLoader(),
                                ProviderLog.QUIET,
                                said::add))
                .contains(DDL);
        assertThat(said).isEmpty();
    }

    @Test
    void aFirstRunOtherSettingsOrAnotherServerSayNothing() {
        Map<String, byte[]> same = files("shop/Customer.class", "one", "application.properties", "a=1");
        assertThat(describedAgain(new DescribedModel(), ENTITIES, 18, same)).isTrue();
        assertThat(describedAgain(remembered(), ENTITIES, 17, same)).isTrue();
        assertThat(describedAgain(
                        remembered(),
                        new EntityDdl(List.of(Path.of("target/classes")), List.of(), null, Map.of()),
                        18,
                        same))
                .isTrue();
        assertThat(said).isEmpty();
    }

    @Test
    void aFileAddedOrGoneOrAResourceChangedIsSaid() {
        assertThat(describedAgain(
                        remembered(),
                        ENTITIES,
                        18,
                        files(
                                "shop/Customer.class",
                                "one",
                                "shop/Order.class",
                                "new",
                                "application.properties",
                                "a=1")))
                .isTrue();
        assertThat(describedAgain(remembered(), ENTITIES, 18, files("shop/Customer.class", "one")))
                .isTrue();
        assertThat(describedAgain(
                        remembered(),
                        ENTITIES,
                        18,
                        files("shop/Customer.class", "one", "application.properties", "a=2")))
                .isTrue();
        assertThat(describedAgain(
                        remembered(),
                        ENTITIES,
                        18,
                        files(
                                "shop/Customer.class",
                                "one",
                                "other/Helper.class",
                                "x",
                                "application.properties",
                                "a=1")))
                .isTrue();
        assertThat(said)
                .containsExactly(
                        "Describing every entity again: the file shop/Order.class is new.",
                        "Describing every entity again: the file application.properties is gone.",
                        "Describing every entity again: the file application.properties changed.",
                        "Describing every entity again: the file other/Helper.class is new.");
    }

    @Test
    void aClassOutsideTheEntityPackagesOrMappingsInOrmXmlAreSaid() {
        DescribedModel model = new DescribedModel();
        model.remember(ENTITIES, 18, files("shop/Customer.class", "one", "other/Helper.class", "x"), DDL);
        assertThat(describedAgain(model, ENTITIES, 18, files("shop/Customer.class", "one", "other/Helper.class", "y")))
                .isTrue();
        DescribedModel mapped = new DescribedModel();
        mapped.remember(ENTITIES, 18, files("shop/Customer.class", "one", "META-INF/orm.xml", "<x/>"), DDL);
        assertThat(describedAgain(
                        mapped, ENTITIES, 18, files("shop/Customer.class", "two", "META-INF/orm.xml", "<x/>")))
                .isTrue();
        assertThat(said)
                .containsExactly(
                        "Describing every entity again: the class other.Helper is outside the entity packages.",
                        "Describing every entity again: the project maps entities in META-INF/orm.xml.");
    }

    @Test
    void moreThanEightChangedClassesAreSaid() {
        Map<String, byte[]> was = new TreeMap<>();
        Map<String, byte[]> is = new TreeMap<>();
        for (int i = 0; i < 9; i++) {
            was.put("shop/E" + i + ".class", new byte[] {1});
            is.put("shop/E" + i + ".class", new byte[] {2});
        }
        DescribedModel model = new DescribedModel();
        model.remember(ENTITIES, 18, was, DDL);
        assertThat(describedAgain(model, ENTITIES, 18, is)).isTrue();
        assertThat(said).containsExactly("Describing every entity again: 9 classes changed.");
    }
}
