package dev.migrate.maven.bench;

import java.util.Locale;

/**
 * A fleet the benchmark migrates: {@code size} tenant schemas of one database ({@code tenant_0001} and on, in
 * {@code fleet}), or {@code size} tenant databases ({@code fleet_0001} and on) of the same server.
 */
record Fleet(Kind kind, int size) {
    enum Kind {
        SCHEMAS,
        DATABASES
    }

    Fleet {
        if (size < 1) {
            throw new IllegalArgumentException("A fleet of " + size + " tenants: give -Dbench.fleet or"
                    + " -Dbench.fleetDatabases one or more sizes of 1 or more");
        }
    }

    /** The database tenant {@code i} (from 1) runs in. */
    String database(int i) {
        return kind == Kind.SCHEMAS ? "fleet" : String.format(Locale.ROOT, "fleet_%04d", i);
    }
}
