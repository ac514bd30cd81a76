package dev.migrate.command;

import dev.migrate.command.output.Output;
import java.util.List;

/** Output in a test: each line kept in {@code lines}, warnings and errors marked; lines may come from two threads. */
public final class RecordingOutput implements Output {
    private final List<String> lines;
    private final StringBuilder scripts = new StringBuilder();

    public RecordingOutput(List<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void info(String line) {
        lines.add(line);
    }

    @Override
    public synchronized void warn(String line) {
        lines.add("WARNING " + line);
    }

    @Override
    public synchronized void error(String line) {
        lines.add("ERROR " + line);
    }

    @Override
    public synchronized void script(String text) {
        scripts.append(text);
    }

    /** The scripts written to standard output. */
    public synchronized String scripts() {
        return scripts.toString();
    }
}
