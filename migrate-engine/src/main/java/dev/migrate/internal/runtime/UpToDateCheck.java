package dev.migrate.internal.runtime;

import dev.migrate.CurrentRevision;
import dev.migrate.DriftResult;
import dev.migrate.MigrateException;
import dev.migrate.NotAtHeadException;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.internal.runtime.history.FutureRevisions;
import dev.migrate.internal.runtime.session.ConnectionSource;
import dev.migrate.internal.runtime.session.Settings;
import dev.migrate.spi.SchemaDriftCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Whether a database is at every head and, when asked, has the schema the chain builds there. */
final class UpToDateCheck {
    private final RevisionGraph graph;
    private final ConnectionSource connections;
    private final Settings settings;

    UpToDateCheck(RevisionGraph graph, ConnectionSource connections, Settings settings) {
        this.graph = graph;
        this.connections = connections;
        this.settings = settings;
    }

    /**
     * Fails unless the database is at every head, and then, when {@code driftResources} is given, unless
     * it has the schema the chain builds there, which those resources hold ({@link SchemaDriftCheck}).
     */
    void check(List<CurrentRevision> current, Map<String, String> pending, @Nullable ClassLoader driftResources) {
        Set<String> rows = new TreeSet<>();
        current.forEach(r -> rows.add(r.id()));
        List<String> unknown = current.stream()
                .filter(r -> !r.known())
                .map(CurrentRevision::id)
                .toList();
        if (!unknown.isEmpty()) {
            // only reached with acceptFutureRevisions: current() refuses unknown rows otherwise
            settings.log().info(FutureRevisions.ahead(unknown));
            return;
        }
        Set<String> heads = new TreeSet<>(graph.heads());
        if (!rows.equals(heads)) {
            throw new NotAtHeadException("The database is not at head: it is at " + RevisionGraph.describe(rows)
                    + " while the migrations' heads are " + RevisionGraph.describe(heads) + ". Run "
                    + settings.fixes().upgradeToHeads() + " first.");
        }
        // at head all the same, as Liquibase's update passed the changeset over: said, for whoever gates on it
        pending.forEach((id, why) -> settings.log()
                .info("The database is at head with revision " + id + " " + why + " (its guard said CONTINUE): its"
                        + " changes are not there, and the next upgrade tries it again."));
        if (driftResources != null) {
            assertNoDrift(String.join("+", heads), driftResources);
        }
    }

    private void assertNoDrift(String revision, ClassLoader resources) {
        String option = settings.fixes().parameter("validateDrift"); // quarkus.migrate.validate-drift in Quarkus
        SchemaDriftCheck check = ServiceLoader.load(SchemaDriftCheck.class, resources)
                .findFirst()
                .or(() -> ServiceLoader.load(SchemaDriftCheck.class, Engine.class.getClassLoader())
                        .findFirst())
                .orElseThrow(() -> new MigrateException(option + " reads the database's schema with the catalog "
                        + "reader of dev.migrate:migrate-catalog, which is not on the classpath. Add that dependency "
                        + "(the version of migrate-engine) to the application, or turn " + option + " off."));
        SchemaDriftCheck.Drift drift;
        try (Connection c = connections.open()) {
            drift = check.compare(
                    c,
                    connections.description(),
                    settings.schema(),
                    revision,
                    List.of(settings.versionTable(), settings.historyTable()),
                    resources);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not connect to " + connections.description()
                            + " to compare its schema with the migrations': " + e.getMessage(),
                    e);
        }
        settings.listener()
                .onDrift(new DriftResult(connections.description(), settings.schema(), revision, drift.differences()));
        if (!drift.message().isEmpty()) {
            throw new MigrateException(drift.message());
        }
    }
}
