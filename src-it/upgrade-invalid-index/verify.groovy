import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def valid = { String database ->
        ItDatabase.query("jdbc:postgresql://localhost:25931/${database}",
                "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'ix_accounts_email'::regclass")
    }
    def versions = { String database ->
        def url = "jdbc:postgresql://localhost:25931/${database}"
        ItDatabase.query(url, "SELECT count(*) FROM pg_tables WHERE tablename = 'migrate_version'") == ['0']
                ? [] : ItDatabase.query(url, 'SELECT version_num FROM migrate_version')
    }

    // told not to rebuild: stopped before anything ran, naming the index and the statement to run
    assert log.contains('Migration 20260101_000001 (unique emails) builds the index public.ix_accounts_email '
            + 'concurrently, and an invalid index of that name on public.accounts is there') : log
    assert log.contains('DROP INDEX CONCURRENTLY IF EXISTS public.ix_accounts_email;') : log
    assert valid('stop') == ['false'] : 'the invalid index was left as it was'
    assert versions('stop') == [] : 'nothing was recorded'

    // by default: dropped, built again, recorded
    assert log.contains('dropping it, so that the migration builds it again: '
            + 'DROP INDEX CONCURRENTLY IF EXISTS public.ix_accounts_email') : log
    assert valid('app') == ['true']
    assert versions('app') == ['20260101_000001']
    assert ItDatabase.query('jdbc:postgresql://localhost:25931/app',
            'SELECT count(*) FROM pg_index WHERE NOT indisvalid') == ['0']
} finally {
    ItDatabase.stop(basedir)
}
true
