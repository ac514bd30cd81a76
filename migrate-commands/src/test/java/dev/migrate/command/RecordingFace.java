package dev.migrate.command;

import dev.migrate.text.Fixes;
import java.util.List;

/**
 * The output half of a face in a test: each line a command writes kept in {@code lines} (warnings and errors
 * marked), commands and settings spelled {@code test upgrade} and {@code --target head}.
 */
abstract class RecordingFace implements CommandFace {
    private final List<String> lines;

    RecordingFace(List<String> lines) {
        this.lines = lines;
    }

    @Override
    public Fixes fixes() {
        return TestFixes.INSTANCE;
    }

    @Override
    public void info(String line) {
        lines.add(line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARNING " + line);
    }

    @Override
    public void error(String line) {
        lines.add("ERROR " + line);
    }
}
