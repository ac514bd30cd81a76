package dev.migrate;

/** The schema changes a migration can make. (Skeleton; filled in with the operation model.) */
public interface Operations {
}
