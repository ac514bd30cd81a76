package dev.migrate.command;

import dev.migrate.autogen.AutogenerateLog;
import java.nio.file.Path;

/** A face as the log a comparison writes to, its fixes spelled as the face spells commands and settings. */
final class ComparisonLog implements AutogenerateLog {
    private final CommandFace face;

    private ComparisonLog(CommandFace face) {
        this.face = face;
    }

    static AutogenerateLog of(CommandFace face) {
        return new ComparisonLog(face);
    }

    @Override
    public void info(String line) {
        face.info(line);
    }

    @Override
    public String shown(Path path) {
        return face.shown(path);
    }

    @Override
    public String command(String command) {
        return face.fixes().command(command);
    }

    @Override
    public String setting(String name, String value) {
        return face.fixes().setting(name, value);
    }
}
