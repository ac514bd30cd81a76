package dev.migrate.command.tooling;

import dev.migrate.autogen.AutogenerateLog;
import dev.migrate.command.CommandContext;
import java.nio.file.Path;

/** A context as the log a comparison writes to, its fixes spelled as the face spells commands and settings. */
final class ComparisonLog implements AutogenerateLog {
    private final CommandContext context;

    private ComparisonLog(CommandContext context) {
        this.context = context;
    }

    static AutogenerateLog of(CommandContext context) {
        return new ComparisonLog(context);
    }

    @Override
    public void info(String line) {
        context.output().info(line);
    }

    @Override
    public String shown(Path path) {
        return context.shown(path);
    }

    @Override
    public String command(String command) {
        return context.fixes().command(command);
    }

    @Override
    public String setting(String name, String value) {
        return context.fixes().setting(name, value);
    }
}
