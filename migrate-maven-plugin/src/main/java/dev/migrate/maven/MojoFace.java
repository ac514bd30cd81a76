package dev.migrate.maven;

import dev.migrate.Migrator;
import java.util.function.Consumer;

/** A goal as a face of the commands: the project's migrations with the goal's run settings, its database. */
class MojoFace extends BuildFace {
    private final AbstractDatabaseMojo databaseGoal;

    MojoFace(AbstractDatabaseMojo goal, ClassLoader projectClasses) {
        super(goal, projectClasses);
        this.databaseGoal = goal;
    }

    @Override
    public Migrator.Builder migrations(boolean online) {
        return online ? databaseGoal.configured(projectClasses) : databaseGoal.offlineBuilder(projectClasses);
    }

    @Override
    public void onDatabase(Consumer<Migrator.Builder> work) {
        databaseGoal.withDatabaseBuilder(projectClasses, work);
    }

    /** The goal whose face this is. */
    protected final AbstractDatabaseMojo databaseGoal() {
        return databaseGoal;
    }
}
