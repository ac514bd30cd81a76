import dev.migrate.testing.ItDatabase
try {
    def url = 'jdbc:postgresql://localhost:25395/app'
    assert ItDatabase.query(url, 'SELECT count(*) FROM counter') == ['1'] : 'the data migration ran once'
    assert ItDatabase.query(url, "SELECT revision || ' ' || count(*) FROM migrate_history WHERE direction = 'upgrade' GROUP BY revision ORDER BY 1") == ['20260101_000001 1', '20260101_000002 1']
    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['20260101_000002']
} finally {
    ItDatabase.stop(basedir)
}
true
