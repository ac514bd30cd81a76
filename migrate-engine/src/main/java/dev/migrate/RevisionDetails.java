package dev.migrate;

import java.util.List;

/**
 * One revision of the graph, as {@code mvn migrate:show} describes it.
 *
 * <pre>{@code
 * RevisionDetails head = migrator.revision("head");
 * System.out.println(head.id() + " revises " + head.revises() + ": " + head.message());
 * }</pre>
 *
 * @param id the revision id
 * @param revises the parent revisions: none for a base, two or more for a merge point
 * @param message the one-line description, empty when the migration has none
 * @param branchLabels the branch labels it declares, sorted
 * @param dependsOn the revisions it depends on without revising them
 * @param transactional whether it runs inside a transaction
 * @param migrationClass the name of the class that declares it
 * @param children the revisions that revise it: none for a head, two or more for a branch point
 */
public record RevisionDetails(
        String id,
        List<String> revises,
        String message,
        List<String> branchLabels,
        List<String> dependsOn,
        boolean transactional,
        String migrationClass,
        List<String> children) {

    /**
     * A revision's details, its lists copied so a value can be shared freely; the migrator makes these:
     * {@code new RevisionDetails("r2", List.of("r1"), "add title", List.of(), List.of(), true, "db.migrations.R2", List.of())}.
     *
     * @param id the revision id
     * @param revises the parent revisions
     * @param message the one-line description
     * @param branchLabels the branch labels, sorted
     * @param dependsOn the revisions it depends on
     * @param transactional whether it runs inside a transaction
     * @param migrationClass the name of the class that declares it
     * @param children the revisions that revise it
     */
    public RevisionDetails {
        revises = List.copyOf(revises);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        children = List.copyOf(children);
    }

    /**
     * Whether nothing revises it yet: {@code migrator.revision("head").isHead()} is true.
     *
     * @return true for a head
     */
    public boolean isHead() {
        return children.isEmpty();
    }

    /**
     * Whether it revises nothing: {@code migrator.revisions().get(0).isBase()} is true.
     *
     * @return true for a base
     */
    public boolean isBase() {
        return revises.isEmpty();
    }

    /**
     * Whether two or more revisions revise it: {@code migrator.revision(id).isBranchPoint()}.
     *
     * @return true for a branch point
     */
    public boolean isBranchPoint() {
        return children.size() > 1;
    }

    /**
     * Whether it revises two or more revisions, joining branches: {@code migrator.revision(id).isMergePoint()}.
     *
     * @return true for a merge point
     */
    public boolean isMergePoint() {
        return revises.size() > 1;
    }
}
