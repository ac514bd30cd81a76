import dev.migrate.testing.ItDatabase
import groovy.json.JsonSlurper
try {
    def log = new File(basedir, 'build.log').text
    // the whole chain: each migration summarised, each finding on one line with revision, table, lock and scan
    assert log.contains('20260101_000001: 7 statements; creates public.accounts, public.orders; no lock seen on an existing table.')
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
    // no scan asserted here: PostgreSQL 13, with statistics of the seeded rows, validates through ix_orders_account
    assert fk.revision == '20260102_000001' && fk.table == 'public.orders' && fk.lock == 'ShareRowExclusiveLock'
    assert all.findings.find { it.rule == 'backward-incompatible' }.suppressed == 'release 4.2 stopped reading legacy'

    // with a URL: only what the database has not applied, on a server of its major version, each hazard
    // weighed by the estimated rows of its table there: below the default 100,000 rows, information
    assert log.contains('It is at 20260101_000001; the migrations it has not applied are analysed.')
    def pending = new JsonSlurper().parse(new File(basedir, 'target/migrate/lint.json'))
    assert pending.revisions == ['20260102_000001', '20260103_000001', '20260104_000001']
    assert pending.serverVersion.startsWith('18.') : 'the configured server is PostgreSQL 18, whatever embeddedPostgresVersion says'
    def index = pending.findings.find { it.rule == 'index-not-concurrent' }
    assert index.table == 'public.accounts' && index.severity == 'info' && index.estimatedRows == 3000
    def fkPending = pending.findings.find { it.rule == 'constraint-without-not-valid' }
    assert fkPending.table == 'public.orders' && fkPending.severity == 'info' && fkPending.estimatedRows == 10
    assert log.contains('[INFO] 20260102_000001 (link orders): public.accounts (about 3,000 rows), ShareRowExclusiveLock, scan: creates index ix_accounts_email')
    assert log.contains('0 errors, 0 warnings, 2 on small tables (information), 1 accepted with @SuppressLint')

    // above a threshold set low, the same index on accounts is an error and fails the build
    def large = new JsonSlurper().parse(new File(basedir, 'target/migrate/lint-large.json'))
    assert large.findings.find { it.rule == 'index-not-concurrent' }.severity == 'error'
    assert large.findings.find { it.rule == 'constraint-without-not-valid' }.severity == 'info'
    assert log.contains('1 lint finding at or above failOn=error (listed above)')

    // the configured database is only read: no migration ran, no row was written or deleted there, not
    // even one rolled back (the statistics count those too)
    def app = 'jdbc:postgresql://localhost:25481/app'
    assert ItDatabase.query(app, 'SELECT version_num FROM migrate_version') == ['20260101_000001']
    assert ItDatabase.query(app, 'SELECT count(*) FROM accounts') == ['3000']
    assert ItDatabase.query(app, 'SELECT count(*) FROM orders') == ['10']
    assert ItDatabase.query(app, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('ix_accounts_email', 'ix_accounts_legacy')") == ['0']
    assert ItDatabase.query(app, "SELECT relname || ' ' || n_tup_ins || ' ' || n_tup_del FROM pg_stat_user_tables WHERE relname IN ('accounts', 'orders') ORDER BY relname") == ['accounts 3000 0', 'orders 10 0']
} finally {
    ItDatabase.stop(basedir)
}
true
