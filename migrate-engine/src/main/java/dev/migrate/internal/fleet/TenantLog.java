package dev.migrate.internal.fleet;

import dev.migrate.MigrationLog;

/** A tenant's lines of a fleet run, each led by the tenant's name: {@code [tenant_a] Running upgrade ...}. */
record TenantLog(String tenant, MigrationLog log) implements MigrationLog {
    @Override
    public void info(String line) {
        log.info("[" + tenant + "] " + line);
    }

    @Override
    public void warn(String line) {
        log.warn("[" + tenant + "] " + line);
    }
}
