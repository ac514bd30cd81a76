package dev.migrate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the server takes out of a response: the secrets it was given, and credentials anyone wrote into a message. */
class RedactionTest {
    @Test
    void theGivenSecretsTheUserInfoOfAUrlAndAPasswordParameterAreHidden() {
        Redaction redaction = new Redaction(
                McpProject.secrets(List.of("postgresql://app:pa55word@db:5432/shop"), List.of("other-secret")));
        assertThat(redaction.apply("FATAL: password authentication failed for postgresql://app:pa55word@db:5432/shop"))
                .isEqualTo("FATAL: password authentication failed for ***");
        assertThat(redaction.apply("the password pa55word was wrong; other-secret too"))
                .isEqualTo("the password *** was wrong; *** too");
        // written by someone else: a driver's message, a server's error
        assertThat(redaction.apply("jdbc:postgresql://db/shop?user=app&password=xyz&ssl=true and postgres://u:v@h/d"))
                .isEqualTo("jdbc:postgresql://db/shop?user=app&password=***&ssl=true and postgres://***@h/d");
        assertThat(redaction.apply("Using PostgreSQL at db:5432, database shop, user app"))
                .isEqualTo("Using PostgreSQL at db:5432, database shop, user app");
    }

    @Test
    void aUrlWithoutAPasswordAndBlankValuesAddNoSecret() {
        assertThat(McpProject.secrets(Arrays.asList("jdbc:postgresql://db/shop", null, " "), List.of()))
                .containsExactly("jdbc:postgresql://db/shop");
    }
}
