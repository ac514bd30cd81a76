package dev.migrate.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * How a goal that talks to a database runs: its settings read and its connections opened first, its work done
 * with its database, and what it opened and did not use let go of at the end.
 *
 * @param mojo the goal, whose hooks say how it uses the database
 * @param database the goal's database, as its parameters configure it
 */
record DatabaseSteps(DatabaseMojo mojo, DatabaseGoal database) implements GoalRun.Steps {

    @Override
    public void starting() {
        database.check();
        mojo.checkSettings(database);
        if (database.use().connectsAhead().test(database.database())) {
            database.database().connectAhead();
        }
    }

    @Override
    public void run(ClassLoader projectClasses) throws MojoExecutionException, MojoFailureException {
        mojo.run(database, projectClasses);
    }

    @Override
    public void finished() {
        database.finished();
    }
}
