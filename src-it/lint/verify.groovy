import dev.migrate.maven.it.ItDatabase
import groovy.json.JsonSlurper
try {
    def log = new File(basedir, 'build.log').text
    // the whole chain: each migration summarised, each finding on one line with revision, table, lock and scan
    assert log.contains('20260101_000001: 3 statements; creates public.accounts, public.orders; no lock seen on an existing table.')
    assert log.contains('[ERROR] 20260102_000001 (link orders): public.orders, ShareRowExclusiveLock, scan: adds foreign key fk_orders_account')
    assert log.contains('[constraint-without-not-valid]')
    // the strongest lock the transaction holds: the foreign key took ShareRowExclusiveLock on accounts before
    assert log.contains('[ERROR] 20260102_000001 (link orders): public.accounts, ShareRowExclusiveLock, scan: creates index ix_accounts_email')
    assert log.contains('[index-not-concurrent]')
    assert log.contains('20260104_000001 (drop legacy): public.accounts, AccessExclusiveLock: drops column legacy')
    assert log.contains('Accepted with @SuppressLint: release 4.2 stopped reading legacy')
    assert log.contains('2 lint findings at or above failOn=error (listed above)')
    assert !log.contains('ix_accounts_legacy') : 'CREATE INDEX CONCURRENTLY is the safe form'

    def all = new JsonSlurper().parse(new File(basedir, 'target/migrate/lint-all.json'))
    assert all.revisions == ['20260101_000001', '20260102_000001', '20260103_000001', '20260104_000001']
    assert all.serverVersion.startsWith('13.') : 'the second run analyses on PostgreSQL 13'
    // the default lockTimeout is on, so no statement waits without one
    assert all.findings.collect { it.rule } as Set == ['constraint-without-not-valid', 'index-not-concurrent', 'backward-incompatible'] as Set
    def fk = all.findings.find { it.rule == 'constraint-without-not-valid' }
    assert fk.revision == '20260102_000001' && fk.table == 'public.orders' && fk.lock == 'ShareRowExclusiveLock' && fk.scan
    assert all.findings.find { it.rule == 'backward-incompatible' }.suppressed == 'release 4.2 stopped reading legacy'

    // with a URL: only what the database has not applied, on a server of its major version
    assert log.contains('It is at 20260102_000001; the migrations it has not applied are analysed.')
    def pending = new JsonSlurper().parse(new File(basedir, 'target/migrate/lint.json'))
    assert pending.revisions == ['20260103_000001', '20260104_000001']
    assert pending.serverVersion.startsWith('18.') : 'the configured server is PostgreSQL 18, whatever embeddedPostgresVersion says'
    assert pending.findings.every { it.suppressed != null }
    // the configured database is only read
    assert ItDatabase.query('jdbc:postgresql://localhost:25481/app', 'SELECT version_num FROM migrate_version') == ['20260102_000001']
} finally {
    ItDatabase.stop(basedir)
}
true
