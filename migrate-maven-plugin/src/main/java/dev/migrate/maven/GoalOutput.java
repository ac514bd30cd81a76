package dev.migrate.maven;

import dev.migrate.command.output.CommandResult;
import dev.migrate.command.output.Output;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * A goal's output: the build log, and what its command did kept for the JSON document.
 *
 * @param log the build log
 * @param results keeps what the command did; a later result replaces an earlier one
 */
record GoalOutput(Log log, Consumer<CommandResult> results) implements Output {
    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void error(String line) {
        log.error(line);
    }

    @Override
    public void result(CommandResult result) {
        results.accept(result);
    }
}
