package dev.migrate.autogen.entity;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.LongSuite;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A changed entity described alone on each provider line of the matrix ({@link ProviderMatrixTest#lines()}), each
 * from Maven Central in a class loader of its own: on Hibernate, what the change makes of the model is what
 * describing the whole model again writes; another provider is refused, and its watch describes every entity.
 */
@LongSuite
class ChangedEntitiesLinesTest {
    @TempDir
    Path work;

    static Stream<ProviderMatrixTest.Line> lines() {
        return ProviderMatrixTest.lines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void aReferenceToAnEntityOthersAddToAndAJoinTable(ProviderMatrixTest.Line line) throws Exception {
        List<Path> jars =
                Objects.requireNonNull(ProviderJars.of(List.of(line.artifact())).get(line.artifact()));
        ChangedModels models = new ChangedModels(work, classes -> {
            List<URL> urls = new ArrayList<>();
            urls.add(classes.toUri().toURL());
            for (Path jar : jars) {
                urls.add(jar.toUri().toURL());
            }
            urls.add(location(EntityDdlBridge.class).toUri().toURL());
            return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        });
        ChangedModels.Outcome outcome = models.change(
                ChangedEntitiesTest.MODEL,
                Map.of(
                        "Purchase",
                        "@Entity @Table(name = \"purchases\") public class Purchase { @Id @GeneratedValue Long id;"
                                + " @ManyToOne Customer customer; String note; @ManyToOne Purchase previous;"
                                + " @ManyToOne Product product; @ManyToMany Set<Region> regions; }"));
        if (line.artifact().group().equals("org.eclipse.persistence")) {
            assertThat(outcome.ddl()).isEmpty();
            assertThat(outcome.why()).containsExactly("the provider is not Hibernate");
            return;
        }
        ChangedEntitiesTest.describedAsTheWholeModelIs(outcome);
    }
}
