package dev.migrate.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A token counts for one plan on one database, in the hour it was issued and the next, and nothing else does. */
class ConsentTokenTest {
    private static final Database DATABASE = new Database("system 7312", "app", "public");
    private static final Plan PLAN = new Plan(
            "downgrade",
            List.of(new Plan.Statement(
                    "DROP TABLE orders",
                    LossClassifier.ofSql("DROP TABLE orders").orElseThrow())));
    private static final Instant ISSUED = Instant.parse("2026-11-29T10:59:30Z");

    @Test
    void theTokenOfAPlanCountsForItInItsHourAndTheNext() {
        String token = ConsentToken.issue(DATABASE, PLAN, ISSUED);
        assertThat(token).matches("c1-[0-9a-f]+-[0-9a-f]{8}-[0-9a-f]{16}");
        assertThat(ConsentToken.check(token, DATABASE, PLAN, ISSUED)).isEqualTo(ConsentToken.Verdict.MATCHES);
        assertThat(ConsentToken.check(" " + token + " ", DATABASE, PLAN, ISSUED.plusSeconds(3600)))
                .isEqualTo(ConsentToken.Verdict.MATCHES);
        assertThat(ConsentToken.check(token, DATABASE, PLAN, ISSUED.plus(Duration.ofMinutes(61))))
                .isEqualTo(ConsentToken.Verdict.EXPIRED);
        assertThat(ConsentToken.expiry(ISSUED)).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    }

    @Test
    void anotherDatabaseSchemaOrPlanIsNamed() {
        String token = ConsentToken.issue(DATABASE, PLAN, ISSUED);
        for (Database other : List.of(
                new Database("system 9999", "app", "public"),
                new Database("system 7312", "app_copy", "public"),
                new Database("system 7312", "app", "tenant_a"))) {
            assertThat(ConsentToken.check(token, other, PLAN, ISSUED)).isEqualTo(ConsentToken.Verdict.OTHER_DATABASE);
        }
        Plan more = new Plan(
                "downgrade", List.of(PLAN.statements().get(0), new Plan.Statement("DROP TABLE customers", null)));
        assertThat(ConsentToken.check(token, DATABASE, more, ISSUED)).isEqualTo(ConsentToken.Verdict.OTHER_PLAN);
        assertThat(ConsentToken.check(token, DATABASE, new Plan("upgrade", PLAN.statements()), ISSUED))
                .isEqualTo(ConsentToken.Verdict.OTHER_PLAN);
    }

    @Test
    void noBlanketValueIsAToken() {
        for (String blanket : List.of("yes", "true", "*", "1", "y", "ok", "all", "c1-*", "c1-0-0-0", "")) {
            assertThat(ConsentToken.check(blanket, DATABASE, PLAN, ISSUED))
                    .as(blanket)
                    .isEqualTo(ConsentToken.Verdict.NOT_A_TOKEN);
        }
    }
}
