package dev.migrate.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which binaries a throwaway server starts from: the embedded ones while they carry every extension needed; else an
 * installation that has them, the configured one first; else one message naming the extension, what was tried and
 * the way out, as Prisma's shadow database does not (prisma/prisma #25627: "extension vector is not available").
 */
class ExtensionServersTest {
    private static final Set<String> EMBEDDED = Set.of("pgcrypto", "hstore", "pg_trgm");

    @TempDir
    Path temp;

    @Test
    void theEmbeddedBinariesWhileTheyCarryEveryExtensionNeeded() {
        assertThat(ExtensionServers.choose(Set.of("pgcrypto"), EMBEDDED, "18.6.0", null, List.of()))
                .isEqualTo(new ExtensionServers.Choice.Embedded());
    }

    @Test
    void anInstallationThatHasTheExtensionTheEmbeddedBinariesLack() throws IOException {
        PostgresInstallation without = installation("16", "pgcrypto");
        PostgresInstallation with = installation("15", "vector", "postgis");
        ExtensionServers.Choice choice =
                ExtensionServers.choose(Set.of("vector", "pgcrypto"), EMBEDDED, "18.6.0", null, List.of(without, with));
        assertThat(choice).isInstanceOf(ExtensionServers.Choice.Installed.class);
        ExtensionServers.Choice.Installed installed = (ExtensionServers.Choice.Installed) choice;
        assertThat(installed.installation()).isEqualTo(with);
        assertThat(installed.why()).isEqualTo("it has vector, which the embedded PostgreSQL 18.6.0 lacks");
    }

    @Test
    void theConfiguredInstallationEvenWhenNothingIsLacking() throws IOException {
        PostgresInstallation configured = installation("15", "vector");
        assertThat(ExtensionServers.choose(Set.of(), EMBEDDED, "18.6.0", configured.home(), List.of(configured)))
                .isEqualTo(new ExtensionServers.Choice.Installed(configured, "configured by migrate.postgres.home"));
    }

    @Test
    void noInstallationHasItOneMessageNamesTheExtensionWhatWasTriedAndTheWayOut() throws IOException {
        PostgresInstallation plain = installation("15", "pgcrypto");
        assertThatThrownBy(() ->
                        ExtensionServers.choose(Set.of("vector", "postgis"), EMBEDDED, "18.6.0", null, List.of(plain)))
                .isInstanceOf(MigrateException.class)
                .hasMessage("The chain or the entities need the extensions postgis, vector, which the embedded "
                        + "PostgreSQL 18.6.0 lacks (its binaries carry PostgreSQL's contrib modules only). Tried: no "
                        + "scratchUrl is configured, migrate.postgres.home is not set, and the installation "
                        + plain.home() + " (PostgreSQL 15.20) lacks them. Install them into a local PostgreSQL and "
                        + "set -Dmigrate.postgres.home to it (such as /usr/lib/postgresql/15), or set scratchUrl to a "
                        + "PostgreSQL server that has them. Nothing was compared.");
        assertThatThrownBy(() -> ExtensionServers.choose(Set.of("vector"), EMBEDDED, "18.6.0", null, List.of()))
                .hasMessageContaining("need the extension vector, which the embedded PostgreSQL 18.6.0 lacks")
                .hasMessageContaining(
                        "no PostgreSQL installation was found (pg_config on the PATH, " + "/usr/lib/postgresql/*)");
    }

    @Test
    void aConfiguredInstallationThatLacksItIsNamedWithWhereTheControlFileWasLookedFor() throws IOException {
        PostgresInstallation configured = installation("15", "pgcrypto");
        assertThatThrownBy(() -> ExtensionServers.choose(
                        Set.of("vector"), EMBEDDED, "18.6.0", configured.home(), List.of(configured)))
                .hasMessageContaining("need the extension vector, which the PostgreSQL 15.20 of "
                        + "migrate.postgres.home (" + configured.home() + ") lacks (no vector.control in "
                        + configured.share().resolve("extension") + ")")
                .hasMessageContaining("Install it into that installation");
    }

    @Test
    void aConfiguredHomeWithoutPostgresqlIsRefused() {
        assertThatThrownBy(() -> PostgresInstallation.find(temp))
                .isInstanceOf(MigrateException.class)
                .hasMessage("migrate.postgres.home is " + temp + ", which holds no PostgreSQL installation (no "
                        + "initdb, pg_ctl and pg_config in it or in its bin directory). Set it to the installation's "
                        + "prefix or bin directory, such as /usr/lib/postgresql/15.");
    }

    @Test
    void debiansInstallationIsFoundWithTheExtensionsInstalledIntoIt() {
        Path debian = Path.of("/usr/lib/postgresql/15");
        if (!Files.isExecutable(debian.resolve("bin/pg_config"))) {
            return; // no Debian PostgreSQL 15 here: nothing to find
        }
        PostgresInstallation found = PostgresInstallation.at(debian).orElseThrow();
        assertThat(found.major()).isEqualTo(15);
        assertThat(found.bin()).isEqualTo(debian.resolve("bin"));
        assertThat(found.share()).isEqualTo(Path.of("/usr/share/postgresql/15"));
        assertThat(found.has("plpgsql")).isTrue();
        assertThat(found.has("no_such_extension")).isFalse();
        assertThat(PostgresInstallation.find(null)).contains(found);
        assertThat(PostgresInstallation.at(debian.resolve("bin"))).contains(found);
    }

    private PostgresInstallation installation(String major, String... extensions) throws IOException {
        Path home = Files.createDirectories(temp.resolve("pg" + major));
        Path share = Files.createDirectories(home.resolve("share/extension"));
        for (String name : extensions) {
            Files.writeString(share.resolve(name + ".control"), "default_version = '1.0'\n");
        }
        return new PostgresInstallation(home.resolve("bin"), home.resolve("share"), major + ".20");
    }
}
