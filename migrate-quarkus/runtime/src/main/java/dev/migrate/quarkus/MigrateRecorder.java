package dev.migrate.quarkus;

import dev.migrate.Migrator;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.annotations.Recorder;
import java.util.List;
import java.util.function.Function;

/** What the build records for startup: each datasource's migrator, and the start actions. */
@Recorder
public class MigrateRecorder {
    /** The datasources the extension manages, in the build's order, for the readiness check. */
    private static volatile List<String> managed = List.of();

    /** Creates the migrator bean of {@code dataSource} from the revision classes the build found. */
    public Function<SyntheticCreationalContext<Migrator>, Migrator> migrator(
            String dataSource, List<String> revisions, List<String> packages) {
        return context -> MigrateDataSources.migrator(dataSource, revisions, packages);
    }

    /** Upgrades or validates each of {@code dataSources}, as its settings ask, before anything else uses it. */
    public void start(List<String> dataSources) {
        managed = List.copyOf(dataSources);
        MigrateDataSources.newRun();
        for (String dataSource : dataSources) {
            MigrateDataSources.start(dataSource);
        }
    }

    /** The datasources the extension manages. */
    static List<String> managed() {
        return managed;
    }
}
