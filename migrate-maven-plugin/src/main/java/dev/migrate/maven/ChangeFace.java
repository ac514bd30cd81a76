package dev.migrate.maven;

import dev.migrate.FleetResult;
import dev.migrate.command.Move;
import dev.migrate.tooling.FleetJson;
import dev.migrate.tooling.FleetReports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** A goal that changes the database as the face of its change: where its scripts go, and the fleet's summary file. */
final class ChangeFace extends MojoFace implements Move.Face {
    private final ScriptOptions script;

    ChangeFace(DatabaseGoal database, ClassLoader projectClasses, ScriptOptions script) {
        super(database, projectClasses);
        this.script = script;
    }

    @Override
    public Optional<String> script(Consumer<Writer> text) {
        new SqlScriptOutput(script.scriptFile(), System.out).write(text, goal.log());
        return Optional.ofNullable(script.scriptFile()).map(this::shown);
    }

    @Override
    public Path tenantScript(String tenant) {
        return FleetReports.scriptFile(script.scriptFile(), goal.inTarget("migrate", "sql"), goal.name(), tenant);
    }

    @Override
    public Optional<String> fleetRan(Move ran, FleetResult result) {
        Path json = goal.inTarget("migrate", "fleet.json");
        try {
            Files.createDirectories(json.getParent());
            try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                FleetJson.write(ran.kind().command(), ran.target().text(), result, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + json, e);
        }
        goal.log().info("The fleet's summary is in " + json + ".");
        return Optional.of(json.toString());
    }
}
