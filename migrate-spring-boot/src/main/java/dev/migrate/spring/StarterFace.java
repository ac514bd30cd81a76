package dev.migrate.spring;

import dev.migrate.FleetResult;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.command.Move;
import dev.migrate.text.Fixes;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The starter as a face of the commands it runs at startup on a fleet: the application's migrations and
 * database, its log ({@code System.Logger} {@code dev.migrate}, which Spring Boot routes to its own), and the
 * plugin's goals as the commands its messages name, for a fix made outside the application.
 */
final class StarterFace implements Move.Face {
    private static final MigrationLog LOG = MigrationLog.system();

    private final Supplier<Migrator.Builder> builder;

    StarterFace(Supplier<Migrator.Builder> builder) {
        this.builder = builder;
    }

    @Override
    public Migrator.Builder migrations(boolean online) {
        return builder.get();
    }

    @Override
    public void onDatabase(Consumer<Migrator.Builder> work) {
        work.accept(builder.get());
    }

    @Override
    public Fixes fixes() {
        return Fixes.COMPILING_GOALS;
    }

    @Override
    public void info(String line) {
        LOG.info(line);
    }

    @Override
    public void warn(String line) {
        LOG.warn(line);
    }

    @Override
    public void error(String line) {
        LOG.warn(line);
    }

    @Override
    public Optional<String> script(Consumer<Writer> script) {
        throw new IllegalStateException("The starter runs migrations; it writes no script");
    }

    @Override
    public Path tenantScript(String tenant) {
        throw new IllegalStateException("The starter runs migrations; it writes no script");
    }

    @Override
    public Optional<String> fleetRan(Move change, FleetResult result) {
        return Optional.empty();
    }
}
