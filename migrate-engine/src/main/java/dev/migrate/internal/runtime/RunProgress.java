package dev.migrate.internal.runtime;

import dev.migrate.MigrationStep;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.online.StatementProgress;
import dev.migrate.internal.runtime.progress.StepWatch;
import dev.migrate.internal.runtime.sink.Leftover;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a run is, so that a failure can say truthfully what stayed applied: revisions committed
 * for good, revisions applied inside the open transaction, and the statements of a
 * {@code transactional = false} migration that autocommitted.
 */
final class RunProgress implements StatementProgress {
    final List<String> committed = new ArrayList<>();
    final List<String> pending = new ArrayList<>();
    final List<String> autocommitted = new ArrayList<>();
    private final StepWatch watch;

    @Nullable
    Step step;
    /**
     * The steps sent to the server together, in one round trip, while it is out: when the connection is lost, which
     * of them committed is not known.
     */
    List<String> together = List.of();
    /** The step as the listener heard it start; null offline, where no listener hears statements. */
    @Nullable
    MigrationStep heard;

    @Nullable
    String statement;
    /**
     * What the statement at hand may leave when cut, for a statement of a {@code transactional =
     * false} migration; {@code null} for anything else.
     */
    @Nullable
    List<Leftover> leftovers;

    boolean described;
    /** Whether the step at hand runs in a transaction. */
    boolean transactional = true;
    /** Whether the step at hand is the expand phase of an online migration. */
    boolean expand;
    /** How many times the failing statement or migration was tried. */
    int attempts = 1;

    RunProgress(StepWatch watch) {
        this.watch = watch;
    }

    void start(Step next) {
        step = next;
        heard = null;
        statement = null;
        leftovers = null;
        described = false;
        attempts = 1;
        autocommitted.clear();
    }

    @Override
    public void at(String sql) {
        described = true;
        statement = sql;
        leftovers = null;
        watch.at(sql);
    }

    @Override
    public void failedAfter(int tries) {
        attempts = tries;
    }

    void ran(boolean autocommit) {
        if (autocommit) {
            autocommitted.add(statement);
        }
    }

    void applied(boolean transactional) {
        (transactional ? pending : committed)
                .add(Objects.requireNonNull(step, "no step started").revision().id());
        step = null;
    }

    void committed() {
        committed.addAll(pending);
        pending.clear();
    }
}
