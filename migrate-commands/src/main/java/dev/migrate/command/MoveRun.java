package dev.migrate.command;

import dev.migrate.AppliedStep;
import dev.migrate.ConsentRefusedException;
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
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the four {@link Move} commands share: where a move runs (one database, a fleet, a script or one per tenant),
 * the fleet's summary kept beside the build, and the one line a failed fleet reports. Each command says what it
 * does on a migrator and on a fleet.
 */
final class MoveRun {
    private MoveRun() {}

    /**
     * Runs {@code move} as {@code context} is configured: on {@code fleet} when one is given, else on the run's
     * database; written as SQL instead when a {@code script} is given (one script, or one per tenant).
     */
    static void run(Move move, @Nullable FleetSettings fleet, @Nullable SqlScript script, CommandContext context) {
        if (fleet == null) {
            if (script != null) {
                Migrator migrator = context.migrations(false).build();
                String file = script.write(move.script(migrator, context), context);
                context.output().result(new CommandResult.Script(file, List.of()));
            } else {
                try {
                    context.onDatabase(
                            move.command(), builder -> context.output().result(move.runOn(builder.build(), context)));
                } catch (ConsentRefusedException refused) {
                    // nothing ran: the user who is asked sees what the plan measured on a throwaway copy, its token
                    // unchanged
                    throw Rehearsal.shown(refused, move, move.onRefusal(), context);
                }
            }
        } else if (script != null) {
            scripts(move, fleet, script, context);
        } else {
            FleetResult[] result = new FleetResult[1];
            if (fleet.inTheDatabase()) {
                context.onDatabase(move.command(), builder -> result[0] = move.runOn(fleet.over(builder)));
            } else {
                result[0] = move.runOn(fleet.over(context.migrations(true)));
            }
            context.output().result(new CommandResult.FleetChanged(move.target().text(), result[0]));
            Optional<String> kept = keep(move, result[0], context);
            if (!result[0].succeeded()) {
                throw new MigrateException(
                        failures(result[0], kept, context.fixes().command(move.command())));
            }
        }
    }

    /** What a move did on one database and where the database is now. */
    static CommandResult changed(RevisionTarget target, List<AppliedStep> applied, Migrator migrator) {
        return new CommandResult.Changed(target.text(), applied, migrator.current(), migrator.heads());
    }

    /** One script per tenant, beside each other; tenants found by a query need the database to run it. */
    private static void scripts(Move move, FleetSettings fleet, SqlScript script, CommandContext context) {
        List<Path> written = new ArrayList<>();
        Consumer<Migrator.Builder> writing = builder -> move.writeScripts(fleet.over(builder), tenant -> {
            Path file = script.ofTenant(tenant, move.command(), context);
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
    private static Optional<String> keep(Move move, FleetResult result, CommandContext context) {
        Optional<Path> kept = context.project().kept("fleet.json");
        kept.ifPresent(json -> {
            try {
                SqlScript.createParent(json);
                try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                    FleetJson.write(move.command(), move.target().text(), result, out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + json, e);
            }
            context.output().info("The fleet's summary is in " + json + ".");
        });
        return kept.map(Path::toString);
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
