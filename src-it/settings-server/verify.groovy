import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('localhost:25392')
    assert !log.contains('it-settings-secret')
    assert ItDatabase.query('jdbc:postgresql://localhost:25392/app', 'SELECT version_num FROM migrate_version') == ['20260101_000002']
    assert ItDatabase.query('jdbc:postgresql://localhost:25392/app', 'SELECT tableowner FROM pg_tables WHERE tablename = \'accounts\'') == ['app']
} finally {
    ItDatabase.stop(basedir)
}
true
