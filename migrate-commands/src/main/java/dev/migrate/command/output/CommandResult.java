package dev.migrate.command.output;

import dev.migrate.AppliedStep;
import dev.migrate.CurrentRevision;
import dev.migrate.FleetResult;
import dev.migrate.RevisionDetails;
import dev.migrate.TenantResult;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.tooling.MigratorTools;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a command did, as data: the {@code result} of the output document, its shape the command's. A command
 * hands it to its face before it returns, and before it fails where it knows it (the differences {@code check}
 * found, the revisions {@code current --check-heads} read). Each shape is described in
 * docs/reference/output-json.md; fields are only ever added to {@code migrate-output/1}.
 */
public sealed interface CommandResult {

    /** The result as the document's {@code result} object. */
    Json.Obj json();

    /**
     * Whether the command, failing, failed because it found what it guards against (differences, drift, lint
     * findings) rather than because it could not do its work: the document's status is then {@code differences}.
     */
    default boolean foundDifferences() {
        return false;
    }

    /**
     * {@code upgrade}, {@code downgrade} or {@code stamp} on one database.
     *
     * @param target the target as given
     * @param applied the steps that ran, in order; none for a stamp or a database at the target
     * @param current the database's revisions afterwards
     * @param heads the heads of the graph
     */
    record Changed(String target, List<AppliedStep> applied, List<CurrentRevision> current, List<String> heads)
            implements CommandResult {
        public Changed {
            Objects.requireNonNull(target, "target");
            applied = List.copyOf(applied);
            current = List.copyOf(current);
            heads = List.copyOf(heads);
        }

        @Override
        public Json.Obj json() {
            return Json.object()
                    .with("target", Json.text(target))
                    .with("applied", Json.array(applied, CommandResult::step))
                    .with(
                            "durationMs",
                            Json.number(applied.stream()
                                    .map(AppliedStep::duration)
                                    .reduce(Duration.ZERO, Duration::plus)
                                    .toMillis()))
                    .with("current", Json.array(current, CommandResult::revision))
                    .with("heads", Json.texts(heads));
        }
    }

    /**
     * What the command that runs the contract phase did on one database.
     *
     * @param completed the online revision whose contract phase ran; null when none was in its expand phase
     * @param current the database's revisions afterwards
     */
    record Completed(@Nullable String completed, List<CurrentRevision> current) implements CommandResult {
        public Completed {
            current = List.copyOf(current);
        }

        @Override
        public Json.Obj json() {
            return Json.object()
                    .with("completed", Json.text(completed))
                    .with("current", Json.array(current, CommandResult::revision));
        }
    }

    /**
     * A change written as SQL instead of run.
     *
     * @param script where the script was written; null for standard output
     * @param tenantScripts for a fleet, the script of each tenant
     */
    record Script(@Nullable String script, List<String> tenantScripts) implements CommandResult {
        public Script {
            tenantScripts = List.copyOf(tenantScripts);
        }

        @Override
        public Json.Obj json() {
            return Json.object().with("script", Json.text(script)).with("tenantScripts", Json.texts(tenantScripts));
        }
    }

    /**
     * A change run on every tenant of a fleet.
     *
     * @param target the target as given
     * @param fleet how each tenant's run ended
     */
    record FleetChanged(String target, FleetResult fleet) implements CommandResult {
        public FleetChanged {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(fleet, "fleet");
        }

        @Override
        public Json.Obj json() {
            Json.Obj counts = Json.object();
            for (TenantResult.Outcome outcome : TenantResult.Outcome.values()) {
                counts = counts.with(
                        outcome(outcome), Json.number(fleet.with(outcome).size()));
            }
            return Json.object()
                    .with("target", Json.text(target))
                    .with("durationMs", Json.number(fleet.duration().toMillis()))
                    .with("counts", counts)
                    .with(
                            "tenants",
                            Json.array(
                                    fleet.tenants(),
                                    t -> Json.object()
                                            .with("tenant", Json.text(t.tenant()))
                                            .with("outcome", Json.text(outcome(t.outcome())))
                                            .with("before", Json.texts(t.before()))
                                            .with("after", Json.texts(t.after()))
                                            .with("applied", Json.array(t.steps(), CommandResult::step))
                                            .with(
                                                    "durationMs",
                                                    Json.number(t.duration().toMillis()))
                                            .with("error", Json.text(t.error()))));
        }

        /** {@code migrated}, {@code unchanged}, {@code failed}, {@code notRun}. */
        private static String outcome(TenantResult.Outcome outcome) {
            return outcome == TenantResult.Outcome.NOT_RUN
                    ? "notRun"
                    : outcome.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * {@code current} of one database.
     *
     * @param current its revisions, one per version row; none at base
     * @param heads the heads of the graph
     * @param pending the revisions a guard left pending in their place (CONTINUE), which every upgrade retries
     */
    record Current(List<CurrentRevision> current, List<String> heads, List<MigratorTools.PendingRevision> pending)
            implements CommandResult {
        public Current {
            current = List.copyOf(current);
            heads = List.copyOf(heads);
            pending = List.copyOf(pending);
        }

        /** {@code current} of a database where no revision is pending. */
        public Current(List<CurrentRevision> current, List<String> heads) {
            this(current, heads, List.of());
        }

        @Override
        public Json.Obj json() {
            return Json.object()
                    .with("current", Json.array(current, CommandResult::revision))
                    .with("heads", Json.texts(heads))
                    .with(
                            "atHeads",
                            Json.bool(!heads.isEmpty()
                                    && Set.copyOf(heads)
                                            .equals(Set.copyOf(current.stream()
                                                    .map(CurrentRevision::id)
                                                    .toList()))))
                    .with("pending", pendingJson(pending));
        }
    }

    /** The revisions left pending in their place: {@code [{"id", "message", "why"}]}. */
    private static Json pendingJson(List<MigratorTools.PendingRevision> pending) {
        return Json.array(
                pending,
                p -> Json.object()
                        .with("id", Json.text(p.id()))
                        .with("message", Json.text(p.message()))
                        .with("why", Json.text(p.why())));
    }

    /**
     * {@code current} of every tenant of a fleet.
     *
     * @param tenants each tenant's revisions, in the fleet's order
     */
    record FleetCurrent(Map<String, List<CurrentRevision>> tenants) implements CommandResult {
        public FleetCurrent {
            tenants = Map.copyOf(tenants);
        }

        @Override
        public Json.Obj json() {
            return Json.object()
                    .with(
                            "tenants",
                            Json.array(
                                    tenants.entrySet().stream()
                                            .sorted(Map.Entry.comparingByKey())
                                            .toList(),
                                    tenant -> Json.object()
                                            .with("tenant", Json.text(tenant.getKey()))
                                            .with("current", Json.array(tenant.getValue(), CommandResult::revision))));
        }
    }

    /**
     * Revisions of the graph, as {@code heads}, {@code branches} (the branch points) and {@code show} list them.
     *
     * @param revisions the revisions, in the command's order
     */
    record Revisions(List<RevisionDetails> revisions) implements CommandResult {
        public Revisions {
            revisions = List.copyOf(revisions);
        }

        @Override
        public Json.Obj json() {
            return Json.object().with("revisions", Json.array(revisions, CommandResult::details));
        }
    }

    /**
     * {@code history}: the revisions of a range, newest first, marked as the database has them.
     *
     * @param revisions the revisions, newest first
     * @param current the database's current revisions; empty without a database
     * @param applied the revisions applied to the database; null when no database was read
     * @param skipped the revisions left out for their contexts that the database has reached
     * @param pending the revisions a guard left pending in their place (CONTINUE), which every upgrade retries; none
     *     without a database
     */
    record History(
            List<RevisionDetails> revisions,
            Set<String> current,
            @Nullable Set<String> applied,
            List<RevisionInfo> skipped,
            List<MigratorTools.PendingRevision> pending)
            implements CommandResult {
        public History {
            revisions = List.copyOf(revisions);
            current = Set.copyOf(current);
            applied = applied == null ? null : Set.copyOf(applied);
            skipped = List.copyOf(skipped);
            pending = List.copyOf(pending);
        }

        @Override
        public Json.Obj json() {
            return Json.object()
                    .with("databaseRead", Json.bool(applied != null))
                    .with(
                            "revisions",
                            Json.array(
                                    revisions,
                                    r -> details(r)
                                            .with("current", Json.bool(current.contains(r.id())))
                                            .with(
                                                    "applied",
                                                    applied == null
                                                            ? Json.Null.NULL
                                                            : Json.bool(applied.contains(r.id())))))
                    .with(
                            "skipped",
                            Json.array(
                                    skipped,
                                    r -> Json.object()
                                            .with("id", Json.text(r.id()))
                                            .with("message", Json.text(r.message()))
                                            .with("revises", Json.texts(r.revises()))
                                            .with(
                                                    "contexts",
                                                    Json.texts(r.contexts().stream()
                                                            .sorted()
                                                            .toList()))))
                    .with("pending", pendingJson(pending));
        }
    }

    /**
     * A difference between two schemas, as {@code check} and {@code autogenerate} find them.
     *
     * @param kind {@code added}, {@code removed}, {@code renamed}, {@code changed} or {@code not_migrated}
     * @param object the object, as a reader names it: {@code column public.orders.status}
     * @param detail what differs, the new name of a rename, what an addition holds; null when the object says it all
     * @param description the whole difference in one sentence, as the log prints it
     */
    record Difference(String kind, String object, @Nullable String detail, String description) {
        public Difference {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(description, "description");
        }

        Json.Obj json() {
            return Json.object()
                    .with("kind", Json.text(kind))
                    .with("object", Json.text(object))
                    .with("detail", Json.text(detail))
                    .with("description", Json.text(description));
        }
    }

    /**
     * {@code check}: the differences between the entities and the schema at head.
     *
     * @param differences each difference; none when they match
     */
    record Checked(List<Difference> differences) implements CommandResult {
        public Checked {
            differences = List.copyOf(differences);
        }

        @Override
        public Json.Obj json() {
            return Json.object().with("differences", Json.array(differences, Difference::json));
        }

        @Override
        public boolean foundDifferences() {
            return !differences.isEmpty();
        }
    }

    /**
     * A migration file {@code autogenerate} or {@code drift} wrote.
     *
     * @param revision its revision id
     * @param file where it is, as the face shows paths
     */
    record Written(String revision, String file) {
        Json.Obj json() {
            return Json.object().with("revision", Json.text(revision)).with("file", Json.text(file));
        }
    }

    /**
     * {@code autogenerate}: what differs, and the migrations written for it.
     *
     * @param changes each difference; none when the entities match the schema at head
     * @param written the migrations written, in order; none when nothing differs
     */
    record Generated(List<Difference> changes, List<Written> written) implements CommandResult {
        public Generated {
            changes = List.copyOf(changes);
            written = List.copyOf(written);
        }

        @Override
        public Json.Obj json() {
            return Json.object()
                    .with("changes", Json.array(changes, Difference::json))
                    .with("written", Json.array(written, Written::json));
        }
    }

    /**
     * One database or tenant that {@code drift} compared.
     *
     * @param name the database ({@code host:port/database}, never with a password) or tenant
     * @param revision the revision it is at; null when it could not be compared for want of one
     * @param outcome {@code inSync}, {@code drifted} or {@code failed}
     * @param differences what the database has that the chain does not say, or lacks
     * @param error why it was not compared; null when it was
     */
    record DriftEntry(
            String name,
            @Nullable String revision,
            String outcome,
            List<String> differences,
            @Nullable String error) {
        public DriftEntry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
            differences = List.copyOf(differences);
        }

        Json.Obj json() {
            return Json.object()
                    .with("name", Json.text(name))
                    .with("revision", Json.text(revision))
                    .with("outcome", Json.text(outcome))
                    .with("differences", Json.texts(differences))
                    .with("error", Json.text(error));
        }
    }

    /**
     * {@code drift}: each database or tenant compared.
     *
     * @param databases the one database, or every tenant
     * @param accepted the migration that accepts the drift, when one was written
     */
    record Drift(List<DriftEntry> databases, @Nullable Written accepted) implements CommandResult {
        public Drift {
            databases = List.copyOf(databases);
        }

        @Override
        public Json.Obj json() {
            return Json.object()
                    .with(
                            "counts",
                            Json.object()
                                    .with("inSync", Json.number(count("inSync")))
                                    .with("drifted", Json.number(count("drifted")))
                                    .with("failed", Json.number(count("failed"))))
                    .with("databases", Json.array(databases, DriftEntry::json))
                    .with("accepted", accepted == null ? Json.Null.NULL : accepted.json());
        }

        @Override
        public boolean foundDifferences() {
            return count("drifted") > 0 && count("failed") == 0;
        }

        private long count(String outcome) {
            return databases.stream().filter(d -> d.outcome().equals(outcome)).count();
        }
    }

    /**
     * A finding of the lint.
     *
     * @param revision the migration's revision
     * @param rule the rule's id, such as {@code add-column-volatile-default}
     * @param severity {@code error}, {@code warning} or {@code info}
     * @param table the table it concerns
     * @param lock the lock the statement took on it; null when none was seen
     * @param detail what the rule found
     * @param statement the statement
     * @param suppressedBecause the reason of the {@code @SuppressLint} that accepts it; null when none does
     * @param estimatedRows the table's estimated rows in the configured database; null when none was read
     */
    record Finding(
            String revision,
            String rule,
            String severity,
            String table,
            @Nullable String lock,
            String detail,
            String statement,
            @Nullable String suppressedBecause,
            @Nullable Long estimatedRows) {
        Json.Obj json() {
            return Json.object()
                    .with("revision", Json.text(revision))
                    .with("rule", Json.text(rule))
                    .with("severity", Json.text(severity))
                    .with("table", Json.text(table))
                    .with("lock", Json.text(lock))
                    .with("detail", Json.text(detail))
                    .with("statement", Json.text(statement))
                    .with("suppressedBecause", Json.text(suppressedBecause))
                    .with("estimatedRows", estimatedRows == null ? Json.Null.NULL : Json.number(estimatedRows));
        }
    }

    /**
     * {@code lint}: the migrations analysed and what the rules found.
     *
     * @param serverVersion the PostgreSQL version they ran on; null when none ran
     * @param revisions the revisions analysed, in the order they ran
     * @param findings every finding, accepted ones included
     * @param failing how many findings fail the command at its {@code failOn}
     */
    record Lint(@Nullable String serverVersion, List<String> revisions, List<Finding> findings, int failing)
            implements CommandResult {
        public Lint {
            revisions = List.copyOf(revisions);
            findings = List.copyOf(findings);
        }

        @Override
        public Json.Obj json() {
            return Json.object()
                    .with("serverVersion", Json.text(serverVersion))
                    .with("revisions", Json.texts(revisions))
                    .with("findings", Json.array(findings, Finding::json))
                    .with("failing", Json.number(failing));
        }

        @Override
        public boolean foundDifferences() {
            return failing > 0;
        }
    }

    /**
     * {@code verify}: the chain's round trips, the comparison at head, and its lint.
     *
     * @param revisions how many revisions round-tripped
     * @param entitiesCompared whether the schema at head was compared with the entities
     * @param entityDifferences what differs between them; none when they match or were not compared
     * @param lint the lint of the chain; null when it did not run (no revision, or a step failed first)
     */
    record Verified(
            int revisions,
            boolean entitiesCompared,
            List<String> entityDifferences,
            @Nullable Lint lint) implements CommandResult {
        public Verified {
            entityDifferences = List.copyOf(entityDifferences);
        }

        @Override
        public Json.Obj json() {
            return Json.object()
                    .with("revisions", Json.number(revisions))
                    .with("entitiesCompared", Json.bool(entitiesCompared))
                    .with("entityDifferences", Json.texts(entityDifferences))
                    .with("lint", lint == null ? Json.Null.NULL : lint.json());
        }

        @Override
        public boolean foundDifferences() {
            return !entityDifferences.isEmpty() || (lint != null && lint.foundDifferences());
        }
    }

    /**
     * {@code import}: the revisions written from the old tool's migrations, and what the proof found.
     *
     * @param from {@code flyway} or {@code liquibase}
     * @param revisions the ids written, in the chain's order; none when nothing was written
     * @param objectFiles the declared object files written from repeatable migrations
     * @param proved whether both chains were replayed and compared
     * @param differences what the proof found different; none when the chains build the same schema
     */
    record Imported(
            String from, List<String> revisions, List<String> objectFiles, boolean proved, List<String> differences)
            implements CommandResult {
        public Imported {
            Objects.requireNonNull(from, "from");
            revisions = List.copyOf(revisions);
            objectFiles = List.copyOf(objectFiles);
            differences = List.copyOf(differences);
        }

        @Override
        public Json.Obj json() {
            return Json.object()
                    .with("from", Json.text(from))
                    .with("revisions", Json.texts(revisions))
                    .with("objectFiles", Json.texts(objectFiles))
                    .with("proved", Json.bool(proved))
                    .with("differences", Json.texts(differences));
        }

        @Override
        public boolean foundDifferences() {
            return !differences.isEmpty();
        }
    }

    private static Json step(AppliedStep step) {
        return Json.object()
                .with("revision", Json.text(step.revision()))
                .with("message", Json.text(step.message()))
                .with("direction", Json.text(step.direction().name().toLowerCase(Locale.ROOT)))
                .with("durationMs", Json.number(step.duration().toMillis()));
    }

    private static Json revision(CurrentRevision revision) {
        return Json.object()
                .with("id", Json.text(revision.id()))
                .with("message", Json.text(revision.message()))
                .with("head", Json.bool(revision.head()))
                .with("known", Json.bool(revision.known()))
                .with("inProgress", Json.bool(revision.inProgress()));
    }

    private static Json.Obj details(RevisionDetails revision) {
        return Json.object()
                .with("id", Json.text(revision.id()))
                .with("message", Json.text(revision.message()))
                .with("revises", Json.texts(revision.revises()))
                .with("children", Json.texts(revision.children()))
                .with("branchLabels", Json.texts(revision.branchLabels()))
                .with("dependsOn", Json.texts(revision.dependsOn()))
                .with("transactional", Json.bool(revision.transactional()))
                .with("migrationClass", Json.text(revision.migrationClass()));
    }
}
