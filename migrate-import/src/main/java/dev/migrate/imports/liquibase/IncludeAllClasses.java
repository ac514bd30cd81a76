package dev.migrate.imports.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.jspecify.annotations.Nullable;

/**
 * The classes of the project's own that an {@code includeAll} names, which Liquibase 4.33 loads by name while it
 * reads the changelog ({@code DatabaseChangeLog.handleIncludeAll}) and the import cannot, as they are on the
 * application's class path, not the import's: a {@code resourceFilter} (or {@code filter}), which chooses the files
 * included, and a {@code resourceComparator}, which orders them. Liquibase fails the changelog on a filter it cannot
 * load, and on a comparator it cannot load only logs that it takes its default order: the second is heard here, as
 * Liquibase's log service while the changelog is read, so that neither is silently passed over. Runs in the tool's
 * loader only.
 */
final class IncludeAllClasses extends AbstractLogService {
    /** What Liquibase logs when it cannot load a {@code resourceComparator} ({@code determineResourceComparator}). */
    private static final String NO_COMPARATOR = "no resourceComparator defined";

    private final List<String> comparators = new ArrayList<>();

    /** The {@code resourceComparator} classes Liquibase could not load, and replaced by its default order. */
    List<String> comparators() {
        return List.copyOf(comparators);
    }

    @Override
    public int getPriority() {
        return PRIORITY_NOT_APPLICABLE;
    }

    @Override
    @SuppressWarnings("rawtypes") // Liquibase's LogService declares it with a raw Class
    public Logger getLog(Class clazz) {
        return new Listener();
    }

    /** Hears what Liquibase logs while it reads the changelog, and keeps what names a class it could not load. */
    private final class Listener extends AbstractLogger {
        @Override
        public void log(Level level, String message, @Nullable Throwable e) {
            if (message != null && message.startsWith(NO_COMPARATOR) && e != null) {
                synchronized (comparators) {
                    comparators.add(String.valueOf(e.getMessage()));
                }
            }
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    /**
     * The {@code resourceFilter} class an {@code includeAll} names, when that Liquibase could not load it is what
     * {@code failure} (reading the changelog) comes to, else {@code null}.
     */
    static @Nullable String absentFilter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ReflectiveOperationException) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getClassName().equals("liquibase.changelog.DatabaseChangeLog")
                            && frame.getMethodName().equals("handleIncludeAll")) {
                        return t.getMessage();
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
