package dev.migrate.maven;

import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.command.EntityComparison;
import java.nio.file.Path;
import java.util.Optional;

/** A goal as the face of the commands that compare the entities: the project's entities, caches and log. */
class AutogenFace extends SchemaMojoFace implements EntityComparison.Face {
    private final EntityGoal entityGoal;

    AutogenFace(EntityGoal entityGoal, ClassLoader projectClasses) {
        super(entityGoal.database(), projectClasses);
        this.entityGoal = entityGoal;
    }

    @Override
    public AutogenerateRequest.Builder request(Migrator chain) {
        return entityGoal.request(chain);
    }

    @Override
    public Path summaryDirectory() {
        return goal.inTarget("migrate");
    }

    @Override
    public Optional<Path> jobSummary() {
        String stepSummary = System.getenv("GITHUB_STEP_SUMMARY");
        return stepSummary == null || stepSummary.isBlank() ? Optional.empty() : Optional.of(Path.of(stepSummary));
    }

    /** The goal whose face this is. */
    protected final EntityGoal entityGoal() {
        return entityGoal;
    }
}
