package dev.migrate.catalog.diff;

import dev.migrate.op.Op;
import dev.migrate.op.SqlOp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the comparison found, as ops (Alembic's {@code MigrationScript} with its {@code UpgradeOps}):
 * groups of changes per table in the order a migration runs them, and the downgrade as the reverse
 * tree. {@code check}, the log, the writer and {@code verify} all take their text from this one
 * structure, and the writer renders it only at the end, so the ops can still be changed before.
 *
 * @param upgradeGroups the groups of {@code upgrade}, in order
 * @param warnings what the user must know that is no change (a rename written as drop and add)
 * @param guards checks of the data that {@code upgrade} runs before everything else, in its
 *     transaction ({@link DataMeasurements}); they are no difference, so {@code check} does not list
 *     them, and {@code downgrade} needs none
 */
public record MigrationScript(List<OpGroup> upgradeGroups, List<String> warnings, List<SqlOp.RequireNoRows> guards) {
    public MigrationScript {
        // a group with nothing in it says nothing to a reader
        upgradeGroups =
                upgradeGroups.stream().filter(g -> !g.changes().isEmpty()).toList();
        warnings = List.copyOf(warnings);
        guards = List.copyOf(guards);
    }

    public MigrationScript(List<OpGroup> upgradeGroups, List<String> warnings) {
        this(upgradeGroups, warnings, List.of());
    }

    public static MigrationScript empty() {
        return new MigrationScript(List.of(), List.of());
    }

    /** The groups of {@code downgrade}: each upgrade group undone, last first. */
    public List<OpGroup> downgradeGroups() {
        List<OpGroup> reversed = new ArrayList<>();
        upgradeGroups.forEach(g -> reversed.add(g.reverse()));
        Collections.reverse(reversed);
        return reversed;
    }

    public boolean isEmpty() {
        return upgradeGroups.isEmpty();
    }

    /**
     * Every change, in the order the upgrade runs them, each once: of a change split around the
     * column changes it depends on, the part that carries its description and notes.
     */
    public List<Change> changes() {
        return upgradeGroups.stream()
                .flatMap(g -> g.changes().stream())
                .filter(c -> !c.aheadPart())
                .toList();
    }

    /** The operations of {@code upgrade}, in order: the guards first. */
    public List<Op> upgrade() {
        List<Op> ops = new ArrayList<>(guards);
        upgradeGroups.forEach(g -> ops.addAll(g.ops()));
        return ops;
    }

    /** The operations of {@code downgrade}, in order: the upgrade's undone, last first. */
    public List<Op> downgrade() {
        return downgradeGroups().stream().flatMap(g -> g.ops().stream()).toList();
    }

    /** Each change as the log and {@code check} say it. */
    public List<String> descriptions() {
        return changes().stream().map(c -> c.description().text()).toList();
    }

    /** This script with {@code group} run first. */
    public MigrationScript withFirst(OpGroup group) {
        List<OpGroup> groups = new ArrayList<>();
        groups.add(group);
        groups.addAll(upgradeGroups);
        return new MigrationScript(groups, warnings, guards);
    }

    /** This script, then {@code next}: its groups run after these, its guards with these, its warnings after these. */
    public MigrationScript followedBy(MigrationScript next) {
        if (next.upgradeGroups.isEmpty() && next.warnings.isEmpty() && next.guards.isEmpty()) {
            return this;
        }
        List<SqlOp.RequireNoRows> allGuards = new ArrayList<>(guards);
        allGuards.addAll(next.guards);
        return withLast(next.upgradeGroups, next.warnings).withGuards(allGuards);
    }

    private MigrationScript withGuards(List<SqlOp.RequireNoRows> newGuards) {
        return new MigrationScript(upgradeGroups, warnings, newGuards);
    }

    /** This script with {@code groups} run last and {@code moreWarnings} added. */
    public MigrationScript withLast(List<OpGroup> groups, List<String> moreWarnings) {
        List<OpGroup> all = new ArrayList<>(upgradeGroups);
        all.addAll(groups);
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(moreWarnings);
        return new MigrationScript(all, allWarnings, guards);
    }
}
