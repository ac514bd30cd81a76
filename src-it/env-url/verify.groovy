import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('MIGRATE_DATABASE_URL')
    assert !log.contains('env-secret-pw')
    assert ItDatabase.query('jdbc:postgresql://localhost:25393/app', 'SELECT version_num FROM migrate_version') == ['20260101_000002']
} finally {
    ItDatabase.stop(basedir)
}
true
