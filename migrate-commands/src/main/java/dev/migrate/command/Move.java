package dev.migrate.command;

import dev.migrate.AppliedStep;
import dev.migrate.ConsentRefusedException;
import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.TenantResult;
import dev.migrate.command.output.CommandResult;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.tooling.FleetJson;
import dev.migrate.tooling.FleetReports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A move of the version table along the revision graph (not a change of a schema diff, which is
 * {@code dev.migrate.catalog.diff.Change}): {@code upgrade}, {@code downgrade}, {@code stamp} or
 * {@code complete} (an online revision's contract phase), run on one database or on a fleet, or written as
 * SQL, as every face runs it:
 *
 * <pre>{@code
 * Move.upgrade(RevisionTarget.of("head")).run(null, null, context);
 * }</pre>
 *
 * <p>The face checked the target's form where the user wrote it ({@link RevisionTarget}); the engine checks the
 * revisions it names against the migrations before anything connects (once for a fleet), so a misspelt one
 * fails with its name and the forms a target takes, whatever the face.
 *
 * @param kind which command
 * @param target the revision to move to, in any of the target forms; offline, also a {@code <from>:<to>} range
 *     ({@link RevisionTarget#orRange})
 * @param purge for {@code stamp}: empty the version table first
 * @param module for {@code downgrade}: the one module it reverts ({@link ModuleScope}), or null for the whole graph
 * @param onRefusal what a refusal for consent shows of a rehearsal of an upgrade or downgrade on a throwaway copy of
 *     the chain: rehearsed then by default ({@link Rehearsal})
 */
public record Move(
        Kind kind,
        RevisionTarget target,
        boolean purge,
        @Nullable ModuleScope module,
        Rehearsal.OnRefusal onRefusal) {
    /** The four commands. */
    public enum Kind {
        UPGRADE,
        DOWNGRADE,
        STAMP,
        /** The contract phase of the online revision in its expand phase. */
        COMPLETE;

        /** The command's name, as the goal and the command line spell it. */
        public String command() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Move {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(onRefusal, "onRefusal");
        if (module != null && kind != Kind.DOWNGRADE) {
            throw new MigrateException("A module scopes downgrade, not " + kind.command() + ": an " + kind.command()
                    + " moves every module, each after those it depends on. Leave the module out.");
        }
    }

    /** A move of the whole graph. */
    public Move(Kind kind, RevisionTarget target, boolean purge) {
        this(kind, target, purge, null, new Rehearsal.Rehearse());
    }

    /** This downgrade, scoped to {@code scope}'s module when there is one. */
    public Move inModule(@Nullable ModuleScope scope) {
        return new Move(kind, target, purge, scope, onRefusal);
    }

    /**
     * This move, whose refusal for consent shows what it measured on a throwaway copy of the chain when
     * {@code rehearse} (the setting {@code rehearse}), else says that it was not rehearsed.
     */
    public Move rehearsing(boolean rehearse) {
        return shownOnRefusal(rehearse ? new Rehearsal.Rehearse() : new Rehearsal.Skip());
    }

    /** This move, whose refusal for consent shows {@code shown}: a rehearsal measured before it ran, for one. */
    public Move shownOnRefusal(Rehearsal.OnRefusal shown) {
        return new Move(kind, target, purge, module, shown);
    }

    /** {@code upgrade} to {@code target}. */
    public static Move upgrade(RevisionTarget target) {
        return new Move(Kind.UPGRADE, target, false);
    }

    /** {@code downgrade} to {@code target}. */
    public static Move downgrade(RevisionTarget target) {
        return new Move(Kind.DOWNGRADE, target, false);
    }

    /**
     * {@code complete}: the contract phase of the online revision in its expand phase; offline, the script of
     * the online revision {@code target} names.
     */
    public static Move complete(RevisionTarget target) {
        return new Move(Kind.COMPLETE, target, false);
    }

    /** {@code stamp} at {@code target}, emptying the version table first when {@code purge}. */
    public static Move stamp(RevisionTarget target, boolean purge) {
        return new Move(Kind.STAMP, target, purge);
    }

    /**
     * Runs the change as {@code context} is configured: on {@code fleet} when one is given, else on the run's
     * database; written as SQL instead when a {@code script} is given (one script, or one per tenant).
     *
     * @throws MigrateException when it fails, or when any tenant of the fleet failed, naming them and where
     *     each failure's message is
     */
    public void run(@Nullable FleetSettings fleet, @Nullable SqlScript script, CommandContext context) {
        if (fleet == null) {
            if (script != null) {
                Migrator migrator = context.migrations(false).build();
                RevisionTarget scoped =
                        module == null ? target : module.downgradeTarget(migrator, target, context.fixes());
                String file = script.write(out -> script(migrator, scoped, out), context);
                context.output().result(new CommandResult.Script(file, List.of()));
            } else {
                try {
                    context.onDatabase(
                            kind.command(), builder -> context.output().result(on(builder.build(), context)));
                } catch (ConsentRefusedException refused) {
                    // nothing ran: the user who is asked sees what the plan measured on a throwaway copy, its token
                    // unchanged
                    throw Rehearsal.shown(refused, this, onRefusal, context);
                }
            }
        } else if (module != null) {
            throw new MigrateException("A downgrade scoped to module " + module.module() + " runs on one database, "
                    + "not on a fleet. Leave the module out, or run it against each tenant's database.");
        } else if (script != null) {
            scripts(fleet, script, context);
        } else {
            FleetResult[] result = new FleetResult[1];
            if (fleet.inTheDatabase()) {
                context.onDatabase(kind.command(), builder -> result[0] = on(fleet.over(builder)));
            } else {
                result[0] = on(fleet.over(context.migrations(true)));
            }
            context.output().result(new CommandResult.FleetChanged(target.text(), result[0]));
            Optional<String> kept = keep(result[0], context);
            if (!result[0].succeeded()) {
                throw new MigrateException(
                        failures(result[0], kept, context.fixes().command(kind.command())));
            }
        }
    }

    /** One script per tenant, beside each other; tenants found by a query need the database to run it. */
    private void scripts(FleetSettings fleet, SqlScript script, CommandContext context) {
        List<Path> written = new ArrayList<>();
        Consumer<Migrator.Builder> writing = builder -> scripts(fleet.over(builder), tenant -> {
            Path file = script.ofTenant(tenant, kind.command(), context);
            written.add(file);
            try {
                SqlScript.createParent(file);
                return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MigrateException(
                        "Could not write the script of tenant " + tenant + " to " + file + ": " + e.getMessage()
                                + ". Check that the directory is writable, or write the scripts elsewhere.",
                        e);
            }
        });
        String tenants = fleet.tenants();
        if (fleet.inTheDatabase() && tenants != null && tenants.strip().startsWith("query:")) {
            context.onDatabase(writing);
        } else {
            writing.accept(context.migrations(false));
        }
        context.output()
                .result(new CommandResult.Script(
                        null, written.stream().map(context::shown).toList()));
        context.output()
                .info("Wrote " + written.size() + " SQL script" + (written.size() == 1 ? "" : "s") + ", one per tenant"
                        + (written.isEmpty()
                                ? "."
                                : ": " + written.get(0) + (written.size() > 1 ? " and the others beside it." : ".")));
    }

    /**
     * Keeps the fleet's summary in the build directory, {@code fleet.json}, where the face has one.
     *
     * @return where, besides the summary the fleet logged, each failure's message can be read; empty for nowhere
     */
    private Optional<String> keep(FleetResult result, CommandContext context) {
        Optional<Path> kept = context.project().kept("fleet.json");
        kept.ifPresent(json -> {
            try {
                SqlScript.createParent(json);
                try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                    FleetJson.write(kind.command(), target.text(), result, out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + json, e);
            }
            context.output().info("The fleet's summary is in " + json + ".");
        });
        return kept.map(Path::toString);
    }

    /** Runs the change on one database; returns what it did and where the database is now. */
    private CommandResult on(Migrator migrator, CommandContext context) {
        List<AppliedStep> applied = List.of();
        switch (kind) {
            case UPGRADE -> applied = migrator.upgrade(target).applied();
            case DOWNGRADE -> {
                RevisionTarget scoped = target;
                if (module != null) {
                    scoped = module.downgradeTarget(migrator, target, context.fixes());
                    module.refuseOverDependents(migrator, context.fixes());
                }
                applied = migrator.downgrade(scoped).applied();
            }
            case STAMP -> migrator.stamp(target, purge);
            case COMPLETE -> {
                return new CommandResult.Completed(migrator.complete().orElse(null), migrator.current());
            }
        }
        return new CommandResult.Changed(target.text(), applied, migrator.current(), migrator.heads());
    }

    private void script(Migrator migrator, RevisionTarget target, Writer out) {
        switch (kind) {
            case UPGRADE -> migrator.upgradeSql(target, out);
            case DOWNGRADE -> migrator.downgradeSql(target, out);
            case STAMP -> migrator.stampSql(target, purge, out);
            case COMPLETE -> migrator.completeSql(target, out);
        }
    }

    private FleetResult on(Fleet fleet) {
        return switch (kind) {
            case UPGRADE -> fleet.upgrade(target);
            case DOWNGRADE -> fleet.downgrade(target);
            case STAMP -> fleet.stamp(target, purge);
            case COMPLETE -> fleet.complete();
        };
    }

    private void scripts(Fleet fleet, Function<String, Writer> scripts) {
        switch (kind) {
            case UPGRADE -> fleet.upgradeSql(target, scripts);
            case DOWNGRADE -> fleet.downgradeSql(target, scripts);
            case STAMP -> fleet.stampSql(target, purge, scripts);
            case COMPLETE -> fleet.completeSql(target, scripts);
        }
    }

    /**
     * A tenant's failure in one line, its first and the server's error ({@code Migration c2 failed during upgrade.
     * Error [SQLSTATE 42P07]: ...}), so that the one line a deploy shows says why.
     */
    private static String firstFailure(TenantResult tenant, int failed) {
        List<String> lines = String.valueOf(tenant.error())
                .strip()
                .lines()
                .map(String::strip)
                .toList();
        if (lines.isEmpty()) {
            return tenant.tenant() + " gave no message";
        }
        String line = lines.get(0)
                + lines.stream()
                        .skip(1)
                        .filter(l -> l.startsWith("Error"))
                        .findFirst()
                        .map(l -> " " + l)
                        .orElse("");
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return (failed == 1 ? "" : "The first, ") + tenant.tenant() + ": " + line;
    }

    /** The failure of a fleet's run: how many tenants failed, the first of them and why, and what to do. */
    static String failures(FleetResult result, Optional<String> kept, String name) {
        List<TenantResult> failures = result.with(TenantResult.Outcome.FAILED);
        List<String> failed = failures.stream().map(TenantResult::tenant).toList();
        int notRun = result.with(TenantResult.Outcome.NOT_RUN).size();
        return failed.size() + " tenant" + (failed.size() == 1 ? "" : "s") + " of "
                + result.tenants().size()
                + " failed (" + FleetReports.first(failed, 10) + ")"
                + (notRun == 0 ? "" : " and " + notRun + " were not run")
                + (failures.isEmpty() ? "" : ". " + firstFailure(failures.get(0), failures.size()))
                + ". Each failure's message is in the summary above"
                + kept.map(where -> " and in " + where).orElse("")
                + "; fix " + (failed.size() == 1 ? "it" : "them") + " and run " + name
                + " again: the tenants at their target are left alone.";
    }
}
