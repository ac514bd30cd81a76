package dev.migrate.maven;

import dev.migrate.Migrator;
import java.util.function.Consumer;

/** A goal as a face of the commands: the project's migrations with the goal's run settings, its database. */
class MojoFace extends BuildFace {
    private final DatabaseGoal database;

    MojoFace(DatabaseGoal database, ClassLoader projectClasses) {
        super(database.goal(), projectClasses);
        this.database = database;
    }

    @Override
    public Migrator.Builder migrations(boolean online) {
        return online ? database.configured(projectClasses) : database.offlineBuilder(projectClasses);
    }

    @Override
    public void onDatabase(Consumer<Migrator.Builder> work) {
        database.withDatabaseBuilder(projectClasses, work);
    }

    /** The database of the goal whose face this is. */
    protected final DatabaseGoal database() {
        return database;
    }
}
