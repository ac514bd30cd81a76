package com.example.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Once every test has run, and before the JVM's own shutdown could stop the embedded server, writes
 * whether the server's log says it was shut down, for verify.groovy.
 */
public class ServerStopWatch implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            Path log = Path.of("target/migrate-junit/postgres.log");
            boolean stopped = Files.exists(log) && Files.readString(log).contains("database system is shut down");
            Files.writeString(Path.of("target/server-after-tests.txt"), "stopped=" + stopped + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
