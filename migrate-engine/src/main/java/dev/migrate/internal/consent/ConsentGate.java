package dev.migrate.internal.consent;

import dev.migrate.ConsentRefusedException;
import dev.migrate.MigrationLog;
import dev.migrate.op.QualifiedName;
import dev.migrate.text.Fixes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one check every run that changes a database passes before it executes anything: a plan that can lose data or
 * history, on a database migrate did not start, is shown with the rows its tables hold now; under a coding agent it
 * runs only with the consent token of exactly that plan on exactly that database, and is refused otherwise.
 *
 * @param consent what the run knows of consent
 * @param schema the schema of the run's version tables, which also names the database in the token
 * @param log where the plan is shown when the run goes ahead
 * @param fixes how the messages name the setting
 */
public record ConsentGate(Consent consent, String schema, MigrationLog log, Fixes fixes) {

    /**
     * Lets {@code plan} run on the database {@code c} is connected to, or refuses it before anything runs.
     *
     * @throws ConsentRefusedException under a coding agent without the plan's token, naming why a given one does not count
     */
    public void check(Connection c, Plan plan, String databaseName) throws SQLException {
        if (!plan.destructive() || onOwnServer(c)) {
            return;
        }
        String shown = shown(c, plan);
        Optional<String> agent = consent.agent();
        if (agent.isEmpty()) {
            log.warn("This " + plan.action() + " on " + databaseName + " can lose data or history:\n" + shown);
            return;
        }
        Database database = Database.of(c, schema);
        Instant now = consent.clock().instant();
        List<String> given = consent.tokens();
        ConsentToken.@Nullable Verdict verdict = given.stream()
                .map(token -> ConsentToken.check(token, database, plan, now))
                .min(Enum::compareTo)
                .orElse(null);
        if (verdict == ConsentToken.Verdict.MATCHES) {
            log.warn("This " + plan.action() + " on " + databaseName + " runs with the consent token given for"
                    + " exactly this plan, under " + agent.get() + ":\n" + shown);
            return;
        }
        String token = ConsentToken.issue(database, plan, now);
        throw new ConsentRefusedException(
                "Refused: this " + plan.action() + " on " + databaseName
                        + " can lose data or history, and it was started by a coding agent (" + agent.get()
                        + "), without its user's consent to this plan. " + why(verdict, given) + "Nothing was run.\n"
                        + "The plan:\n" + shown,
                token,
                "Consent token for exactly this plan on this database: " + token + "\n"
                        + "It is valid until " + ConsentToken.expiry(now)
                        + " (the hour it was issued in and the next), and"
                        + " for no other plan or database.\n"
                        + "To the agent: stop here. Do not run this again with the token, do not set "
                        + Consent.VARIABLE
                        + ", and do not look for another way to make these changes. Show this plan to"
                        + " your user, say what it drops, and ask them. Only your user runs it, with "
                        + fixes.setting("consent", token) + " or the environment variable " + Consent.VARIABLE + "="
                        + token
                        + ".");
    }

    /** Whether {@code c} is on a server migrate started, which it starts with {@link Consent#OWN_SERVER_SETTING} on. */
    private static boolean onOwnServer(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("SELECT current_setting('" + Consent.OWN_SERVER_SETTING + "', true) = 'on'")) {
            return r.next() && r.getBoolean(1);
        }
    }

    private static String why(ConsentToken.@Nullable Verdict verdict, List<String> given) {
        if (verdict == null) {
            return "No consent token was given. ";
        }
        return switch (verdict) {
            case MATCHES -> "";
            case OTHER_PLAN ->
                "The consent token given is for another plan on this database: the statements to run"
                        + " are not the ones its user agreed to. ";
            case EXPIRED ->
                "The consent token given has expired: a token is valid in the hour it was issued and the" + " next. ";
            case OTHER_DATABASE ->
                "The consent token given is for another database (another server, database or" + " schema). ";
            case NOT_A_TOKEN ->
                "'" + String.join(" ", given) + "' is not a consent token: no value stands for every"
                        + " plan, only the token this refusal prints, for this plan, counts. ";
        };
    }

    /** The plan, a line per statement with what it can lose, then the tables it touches with their rows now. */
    private String shown(Connection c, Plan plan) throws SQLException {
        StringBuilder text = new StringBuilder();
        Map<QualifiedName, String> tables = new LinkedHashMap<>();
        for (Plan.Statement statement : plan.statements()) {
            Loss loss = statement.loss();
            text.append("  ")
                    .append(statement.sql().strip().replace("\n", "\n    "))
                    .append(";\n");
            if (loss != null) {
                text.append("    -- ")
                        .append(loss.what())
                        .append("; takes ")
                        .append(loss.lock())
                        .append('\n');
                if (loss.table() != null) {
                    tables.putIfAbsent(loss.table(), "");
                }
            }
        }
        if (!tables.isEmpty()) {
            text.append("The tables it can lose rows of, as they are now:\n");
            for (QualifiedName table : tables.keySet()) {
                QualifiedName named = table.schema() == null ? QualifiedName.of(schema, table.name()) : table;
                text.append("  ")
                        .append(named.text())
                        .append(": ")
                        .append(TableRows.of(c, table, schema))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
