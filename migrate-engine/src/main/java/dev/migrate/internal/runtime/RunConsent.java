package dev.migrate.internal.runtime;

import dev.migrate.internal.consent.ConsentGate;
import dev.migrate.internal.consent.Loss;
import dev.migrate.internal.consent.LossClassifier;
import dev.migrate.internal.consent.Plan;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.runtime.script.Script;
import dev.migrate.internal.runtime.script.Scripts;
import dev.migrate.internal.runtime.session.ConnectionSource;
import dev.migrate.internal.runtime.session.Settings;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The consent check of the runs that change a database, where the engine has their plan: the steps of an upgrade
 * or a downgrade (a fleet's members run the same engine), a stamp, the retirement of an old tool's history. Each
 * builds its {@link Plan} here and passes it to the one {@link ConsentGate} under the migration lock, before any of
 * its statements runs.
 */
final class RunConsent {
    private static final Loss JAVA_CODE =
            new Loss("runs Java code in a downgrade, whose statements cannot be known before it runs", null, "unknown");

    private final Settings settings;
    private final ConnectionSource connections;

    RunConsent(Settings settings, ConnectionSource connections) {
        this.settings = settings;
        this.connections = connections;
    }

    /** The steps of an upgrade or downgrade, each statement as it will run. */
    void checkSteps(LockedRun run, List<Step> steps, Scripts scripts, Map<String, DiscoveredMigration> migrations)
            throws SQLException {
        List<Plan.Statement> statements = new ArrayList<>();
        String action = "upgrade";
        for (Step step : steps) {
            boolean down = step.direction() == Direction.DOWNGRADE;
            action = down ? "downgrade" : action;
            Script script;
            try {
                script = scripts.script(
                        StepRunner.migration(migrations, step.revision().id()), step.direction());
            } catch (RuntimeException e) {
                break; // the run stops at this step, and the runner reports it in its words: the plan is what precedes
            }
            for (Script.Part part : script.parts()) {
                if (part instanceof Script.Statement statement) {
                    statements.add(new Plan.Statement(
                            statement.sql(),
                            LossClassifier.ofStatement(statement.sql(), statement.op())
                                    .orElse(null)));
                } else {
                    // Java code: what it runs is known only when it runs, so a downgrade's counts as losing
                    statements.add(new Plan.Statement(
                            "-- Java code (JdbcWork) of " + step.revision().id(), down ? JAVA_CODE : null));
                }
            }
        }
        check(run, new Plan(action, statements));
    }

    /** A stamp: every statement rewrites the version rows without running a migration, which loses history. */
    void checkStamp(LockedRun run, List<String> sql, String target) throws SQLException {
        Loss loss = new Loss(
                "marks the database as at " + target + " without running migrations: what the version table said"
                        + " before is lost",
                null,
                "ROW EXCLUSIVE on " + settings.schema() + "." + settings.versionTable());
        check(
                run,
                new Plan(
                        "stamp",
                        sql.stream().map(s -> new Plan.Statement(s, loss)).toList()));
    }

    /** Statements of SQL alone (an old tool's history dropped), classified as raw SQL. */
    void checkSql(LockedRun run, String action, List<String> sql) throws SQLException {
        check(
                run,
                new Plan(
                        action,
                        sql.stream()
                                .map(s -> new Plan.Statement(
                                        s, LossClassifier.ofSql(s).orElse(null)))
                                .toList()));
    }

    private void check(LockedRun run, Plan plan) throws SQLException {
        new ConsentGate(settings.consent(), settings.schema(), settings.log(), settings.fixes())
                .check(run.lockConnection(), plan, connections.description(run.lockConnection()));
    }
}
