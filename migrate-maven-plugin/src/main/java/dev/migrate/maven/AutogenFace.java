package dev.migrate.maven;

import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.command.EntityComparison;
import java.nio.file.Path;
import java.util.Optional;

/** A goal as the face of the commands that compare the entities: the project's entities, caches and log. */
class AutogenFace extends SchemaMojoFace implements EntityComparison.Face {
    private final AbstractAutogenMojo autogenGoal;

    AutogenFace(AbstractAutogenMojo goal, ClassLoader projectClasses) {
        super(goal, projectClasses);
        this.autogenGoal = goal;
    }

    @Override
    public AutogenerateRequest.Builder request(Migrator chain) {
        return autogenGoal.request(chain);
    }

    @Override
    public Path summaryDirectory() {
        return Path.of(autogenGoal.project.getBuild().getDirectory(), "migrate");
    }

    @Override
    public Optional<Path> jobSummary() {
        String stepSummary = System.getenv("GITHUB_STEP_SUMMARY");
        return stepSummary == null || stepSummary.isBlank() ? Optional.empty() : Optional.of(Path.of(stepSummary));
    }
}
