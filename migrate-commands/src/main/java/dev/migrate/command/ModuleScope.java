package dev.migrate.command;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.graph.Target;
import dev.migrate.text.Fixes;
import dev.migrate.tooling.MigratorTools;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A command scoped to one module's revisions ({@code -Dmigrate.module=billing}, {@code --module billing}):
 * {@code current}, {@code history} and {@code heads} show that module's revisions and version rows, and
 * {@code downgrade} reverts that module only, refused while a module that depends on it has revisions applied:
 * {@code new ModuleScope("billing").tools(migrator).currentReport(false)}.
 *
 * @param module the module's name, as its {@code @MigrationModule} or {@code @Revision(module = ...)} spells it
 */
public record ModuleScope(String module) {
    public ModuleScope {
        Objects.requireNonNull(module, "module");
        if (!module.matches("[A-Za-z0-9_]+")) {
            throw new MigrateException("The module '" + module + "' is not a module name: modules are named with "
                    + "letters, digits and underscores, as @MigrationModule(name = \"billing\") declares them.");
        }
    }

    /** The scope a face was given: none for a missing or blank setting. */
    public static @Nullable ModuleScope of(@Nullable String module) {
        return module == null || module.isBlank() ? null : new ModuleScope(module.strip());
    }

    /**
     * The reports of {@code migrator} scoped to this module.
     *
     * @throws MigrateException when no revision belongs to it, naming the modules there are
     */
    public MigratorTools tools(Migrator migrator) {
        return MigratorTools.of(migrator).inModule(module);
    }

    /** The tools of {@code migrator}, scoped to {@code scope} when there is one. */
    static MigratorTools tools(Migrator migrator, @Nullable ModuleScope scope) {
        return scope == null ? MigratorTools.of(migrator) : scope.tools(migrator);
    }

    /**
     * What a downgrade of this module to {@code target} means on the whole graph: a revision id is read within
     * the module, and {@code base}, {@code -N} or {@code head-N} walk the module's own chain from its head.
     *
     * @throws MigrateException when the module has no revision, or several heads (name one as {@code <head>@-1})
     */
    RevisionTarget downgradeTarget(Migrator migrator, RevisionTarget target, Fixes fixes) {
        tools(migrator); // an unknown module is refused with the modules there are
        if (target.points().size() != 1) {
            return target; // the engine refuses a downgrade to several points, naming them
        }
        Target point = target.points().get(0).target();
        String text = target.text().strip();
        if (point instanceof Target.OnBranch) {
            return target;
        }
        if (point instanceof Target.RevisionRef ref) {
            return RevisionTarget.of(qualified(ref.idOrPrefix()));
        }
        if (point instanceof Target.RelativeTo rel && !rel.fromBase() && !rel.fromHead()) {
            return RevisionTarget.of(qualified(rel.from()) + (rel.steps() < 0 ? "" : "+") + rel.steps());
        }
        // base, head, heads, -N, head-N, base+N: on the module's own chain
        return RevisionTarget.of(head(migrator, fixes) + "@" + text);
    }

    /**
     * Refuses to take this module's revisions back while a module that depends on it has revisions applied: its
     * tables were built on this module's.
     *
     * @throws MigrateException naming the dependent modules and the downgrade that comes first
     */
    void refuseOverDependents(Migrator migrator, Fixes fixes) {
        MigratorTools tools = MigratorTools.of(migrator);
        Set<String> dependents = tools.modulesDependingOn(module);
        Set<String> applied = new TreeSet<>();
        migrator.current().forEach(row -> {
            String of = MigratorTools.moduleOf(row.id());
            if (dependents.contains(of)) {
                applied.add(of);
            }
        });
        if (applied.isEmpty()) {
            return;
        }
        List<String> named = applied.stream()
                .map(m -> m.isEmpty() ? "the application's own revisions" : "module " + m)
                .toList();
        String first = applied.stream().filter(m -> !m.isEmpty()).findFirst().orElse("");
        throw new MigrateException("Cannot downgrade module " + module + ": " + String.join(" and ", named)
                + (applied.size() == 1 ? " depends" : " depend") + " on it and "
                + (applied.size() == 1 ? "has" : "have") + " revisions applied, built on its tables. Downgrade "
                + (first.isEmpty()
                        ? "the application's revisions first"
                        : "them first (" + fixes.setting("module", first) + " " + fixes.setting("target", "base") + ")")
                + ", then module " + module + ". Nothing was run and the version table was not touched.");
    }

    private String qualified(String id) {
        return id.indexOf('.') >= 0 ? id : module + "." + id;
    }

    private String head(Migrator migrator, Fixes fixes) {
        List<String> heads = migrator.heads().stream()
                .filter(h -> MigratorTools.moduleOf(h).equals(module))
                .toList();
        if (heads.size() != 1) {
            throw new MigrateException(
                    "Module " + module + " has " + heads.size() + " heads (" + String.join(", ", heads)
                            + "), so a downgrade scoped to it cannot tell which chain to walk. Name one: "
                            + fixes.setting("target", (heads.isEmpty() ? "<head>" : heads.get(0)) + "@-1") + ".");
        }
        return heads.get(0);
    }
}
