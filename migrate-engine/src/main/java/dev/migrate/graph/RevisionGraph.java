package dev.migrate.graph;

/** The validated graph of revisions. (Skeleton; built out in dev.migrate.graph.) */
public final class RevisionGraph {
}
