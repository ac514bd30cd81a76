package dev.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.command.NearestName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterNameCheckTest {
    private static final Map<String, Set<String>> GOALS = Map.of(
            "target", Set.of("upgrade", "downgrade", "stamp"),
            "url", Set.of("upgrade", "downgrade", "stamp", "current", "autogenerate", "check"),
            "lockTimeout", Set.of("upgrade", "downgrade", "stamp", "current", "autogenerate", "check"),
            "safe", Set.of("autogenerate"),
            "comparisonDatabase", Set.of("autogenerate", "check"),
            "hibernateProperties", Set.of("autogenerate", "check"));
    private static final Map<String, String> PROPERTIES = Map.of(
            "target", "migrate.target",
            "url", "migrate.url",
            "lockTimeout", "migrate.lockTimeout",
            "safe", "migrate.safe",
            "comparisonDatabase", "migrate.comparisonDatabase");

    private static ParameterNameCheck check(String goal, String... goalsInBuild) {
        return new ParameterNameCheck(goal, GOALS, PROPERTIES, Set.of(goalsInBuild));
    }

    @Test
    void suggestsTheClosestName() {
        assertThat(NearestName.distance("taget", "target")).isEqualTo(1);
        assertThat(NearestName.distance("tagret", "target")).isEqualTo(1); // a swap counts once
        assertThat(NearestName.closest("migrate.taget", PROPERTIES.values(), 2)).contains("migrate.target");
        assertThat(NearestName.closest("migrate.locktimeout", PROPERTIES.values(), 2))
                .contains("migrate.lockTimeout");
        assertThat(NearestName.closest("migrate.version", PROPERTIES.values(), 2))
                .isEmpty();
    }

    @Test
    void anUnknownPropertyFailsNamingTheClosestKnownOne() {
        assertThatThrownBy(
                        () -> check("downgrade", "downgrade").verifyCommandLine(List.of("migrate.taget", "user.home")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("-Dmigrate.taget is not a parameter of migrate:downgrade")
                .hasMessageContaining("Did you mean migrate.target?");
        assertThatThrownBy(() -> check("current", "current").verifyCommandLine(List.of("migrate.tagret")))
                .hasMessageContaining("Did you mean migrate.target (a parameter of migrate:downgrade, "
                        + "migrate:stamp and migrate:upgrade)?");
        assertThatThrownBy(() -> check("current", "current").verifyCommandLine(List.of("migrate.whatever")))
                .hasMessageContaining("The properties of migrate:current are migrate.lockTimeout, migrate.url.");
        assertThatCode(() -> check("downgrade", "downgrade")
                        .verifyCommandLine(List.of("migrate.target", "maven.repo.local")))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherGoalsPropertyFailsUnlessThatGoalRunsToo() {
        assertThatThrownBy(() -> check("upgrade", "upgrade").verifyCommandLine(List.of("migrate.safe")))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("-Dmigrate.safe is a parameter of migrate:autogenerate, not of migrate:upgrade");
        assertThatCode(() -> check("upgrade", "upgrade", "autogenerate").verifyCommandLine(List.of("migrate.safe")))
                .doesNotThrowAnyException();
        // mvn migrate:upgrade migrate:current -Dmigrate.target=...: current runs too, and upgrade reads it
        assertThatCode(() -> check("current", "upgrade", "current").verifyCommandLine(List.of("migrate.target")))
                .doesNotThrowAnyException();
    }

    @Test
    void pomPropertiesFailOnlyWhenMisspelt() {
        assertThatCode(() -> check("upgrade", "upgrade")
                        .verifyPomProperties(List.of("migrate.version", "migrate.safe", "migrate.url")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check("upgrade", "upgrade").verifyPomProperties(List.of("migrate.lockTimout")))
                .hasMessageContaining("The pom property migrate.lockTimout")
                .hasMessageContaining("Did you mean migrate.lockTimeout?");
    }

    @Test
    void configurationElementsMustBeParametersOfTheGoalsReadingThem() {
        ParameterNameCheck check = check("upgrade", "upgrade");
        assertThatCode(() -> check.verifyConfiguration(
                        List.of("url", "safe", "hibernateProperties"),
                        GOALS.values().stream().flatMap(Set::stream).toList(),
                        "the plugin's <configuration>"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check.verifyConfiguration(
                        List.of("lockTimout"), List.of("upgrade"), "the plugin's <configuration>"))
                .hasMessageContaining("<lockTimout> in the plugin's <configuration> is not a parameter of any goal")
                .hasMessageContaining("Did you mean <lockTimeout>?");
        assertThatThrownBy(() -> check.verifyConfiguration(
                        List.of("safe"), List.of("upgrade"), "the <configuration> of the execution 'db'"))
                .hasMessageContaining(
                        "<safe> in the <configuration> of the execution 'db' is not a parameter of migrate:upgrade (only of migrate:autogenerate)");
    }
}
