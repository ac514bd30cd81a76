package dev.migrate.internal.runtime.history;

import dev.migrate.MigrateException;
import java.util.List;

/**
 * What a run says about version rows no class of this build defines. With acceptFutureRevisions
 * they mean a newer build migrated the database, as during a rolling deploy; but such a row cannot
 * be told apart from a revision of another branch of the code, so only what leaves the database
 * alone accepts it.
 */
public final class FutureRevisions {
    private FutureRevisions() {}

    /** The database as {@code assertUpToDate} and {@code current} describe it under acceptFutureRevisions. */
    public static String ahead(List<String> unknown) {
        return "The database is at " + rows(unknown) + ", which no migration class of this build defines: it is "
                + "taken as newer than this build (acceptFutureRevisions is set), as when a newer version of the "
                + "application has already migrated it.";
    }

    /** What an upgrade under acceptFutureRevisions says when it leaves such a database alone. */
    public static String nothingToDo(List<String> unknown) {
        return "Nothing to do: the database is at " + rows(unknown) + ", which no migration class of this build "
                + "defines, so it is taken as newer than this build (acceptFutureRevisions is set) and nothing was run.";
    }

    /**
     * Refuses a downgrade or stamp of such a database, with or without acceptFutureRevisions: either
     * would act on revisions whose code this build does not have.
     */
    public static MigrateException refused(String what, List<String> unknown) {
        boolean one = unknown.size() == 1;
        return new MigrateException("Cannot " + what + ": the database is at " + rows(unknown)
                + ", which no migration class of this build defines (a newer build applied " + (one ? "it" : "them")
                + ", or " + (one ? "it comes" : "they come") + " from another branch of the code), so this build "
                + "cannot tell what "
                + ("downgrade".equals(what)
                        ? "reverting means: it has no downgrade for " + (one ? "that revision" : "those revisions")
                        : "the version table would be stamped over")
                + ". Run the " + what + " from the build that defines " + rows(unknown)
                + ". Nothing was run and the version table was not touched.");
    }

    private static String rows(List<String> unknown) {
        return (unknown.size() == 1 ? "revision " : "revisions ") + String.join(", ", unknown);
    }
}
