package com.example.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Once every test has run, and before the JVM's own shutdown could stop the embedded server, adds whether the
 * server's log says it was shut down to a file outside target (each line's run cleans target), for verify.groovy.
 */
public class ServerStopWatch implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            Path log = Path.of("target/migrate-junit/postgres.log");
            boolean stopped = Files.exists(log) && Files.readString(log).contains("database system is shut down");
            Files.writeString(
                    Path.of("server-after-tests.txt"),
                    System.getProperty("junit.version") + " stopped=" + stopped + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
