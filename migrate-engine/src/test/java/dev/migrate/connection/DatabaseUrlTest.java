package dev.migrate.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void jdbcUrlKeepsItsParametersButNotTheCredentials() {
        DatabaseUrl url = DatabaseUrl.parse(
                "jdbc:postgresql://db.internal:6543/orders?sslmode=require&user=app&password=s3cret", "-Dmigrate.url");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/orders?sslmode=require");
        assertThat(url.hosts()).isEqualTo("db.internal:6543");
        assertThat(url.database()).isEqualTo("orders");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.toString()).doesNotContain("s3cret");
    }

    @Test
    void libpqUrlBecomesJdbcWithDecodedCredentials() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://app:p%40ss%3Aword@localhost/app?sslmode=disable", "DATABASE_URL");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app?sslmode=disable");
        assertThat(url.hosts()).isEqualTo("localhost:5432");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss:word");
    }

    @Test
    void postgresSchemeAndMultipleHosts() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u@h1:5433,h2/app", "DATABASE_URL");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5433,h2/app");
        assertThat(url.hosts()).isEqualTo("h1:5433,h2:5432");
        assertThat(url.user()).isEqualTo("u");
        assertThat(url.password()).isNull();
    }

    @Test
    void otherSchemesAreRefusedWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@localhost/db", "MIGRATE_DATABASE_URL"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("MIGRATE_DATABASE_URL is not a PostgreSQL URL")
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void aPlusInThePasswordStaysAPlus() {
        assertThat(DatabaseUrl.parse("postgresql://app:a+b@localhost/app", "DATABASE_URL")
                        .password())
                .isEqualTo("a+b");
        assertThat(DatabaseUrl.parse("postgresql://app:a%2Bb@localhost/app", "DATABASE_URL")
                        .password())
                .isEqualTo("a+b");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/app?user=app&password=a+b", "-Dmigrate.url")
                        .password())
                .isEqualTo("a+b");
    }

    /** Every printable ASCII character, in user names and passwords, percent-encoded and raw where URL syntax allows. */
    @Test
    void everyPrintableCharacterSurvivesInUserAndPassword() {
        StringBuilder all = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            all.append(c);
        }
        String every = all.toString();
        String encoded = percentEncodeAll(every);
        DatabaseUrl libpq =
                DatabaseUrl.parse("postgresql://" + encoded + ":" + encoded + "@localhost:5432/app", "DATABASE_URL");
        assertThat(libpq.user()).isEqualTo(every);
        assertThat(libpq.password()).isEqualTo(every);
        DatabaseUrl jdbc = DatabaseUrl.parse(
                "jdbc:postgresql://localhost:5432/app?user=" + encoded + "&password=" + encoded, "-Dmigrate.url");
        assertThat(jdbc.user()).isEqualTo(every);
        assertThat(jdbc.password()).isEqualTo(every);

        // raw: a password may hold anything but the characters that end it ('/', '?', '#') and '%' before two hex
        // digits
        String raw = every.replaceAll("[/?#%]", "");
        assertThat(DatabaseUrl.parse("postgresql://app:" + raw + "@localhost/app", "DATABASE_URL")
                        .password())
                .isEqualTo(raw);
        String rawQuery = every.replaceAll("[&#%]", "");
        assertThat(DatabaseUrl.parse(
                                "jdbc:postgresql://localhost/app?password=" + rawQuery + "&user=app", "-Dmigrate.url")
                        .password())
                .isEqualTo(rawQuery);
        String rawUser = every.replaceAll("[/?#%:@]", "");
        assertThat(DatabaseUrl.parse("postgresql://" + rawUser + ":pw@localhost/app", "DATABASE_URL")
                        .user())
                .isEqualTo(rawUser);
    }

    @Test
    void aPortThatIsNotANumberNamesTheSourceAndThePart() {
        assertThatThrownBy(
                        () -> DatabaseUrl.parse("postgresql://app:secret@db.internal:54x2/app", "MIGRATE_DATABASE_URL"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The database URL from MIGRATE_DATABASE_URL gives")
                .hasMessageContaining("the port '54x2' for the host db.internal, which is not a port number")
                .message()
                .doesNotContain("secret");
        assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:postgresql://localhost:99999/app", "<url> in the pom"))
                .hasMessageContaining("<url> in the pom")
                .hasMessageContaining("'99999'");
    }

    @Test
    void anEmptyHostInTheListNamesTheListAndTheFix() {
        for (String hosts : new String[] {"db1:5432,", ",db1", "db1,,db2"}) {
            assertThatThrownBy(() ->
                            DatabaseUrl.parse("postgresql://app:secret@" + hosts + "/app", "MIGRATE_DATABASE_URL"))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining(
                            "The database URL from MIGRATE_DATABASE_URL has an empty entry in its host list '" + hosts
                                    + "'")
                    .hasMessageContaining("Remove the extra comma")
                    .message()
                    .doesNotContain("secret");
        }
        assertThat(DatabaseUrl.parse("postgresql://db1,db2:6543/app", "DATABASE_URL")
                        .hosts())
                .isEqualTo("db1:5432,db2:6543");
    }

    private static String percentEncodeAll(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            out.append('%').append(String.format("%02X", b));
        }
        return out.toString();
    }
}
