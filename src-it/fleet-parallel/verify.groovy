import dev.migrate.testing.ItDatabase
try {
    def url = 'jdbc:postgresql://localhost:25829/app'
    for (i in 1..6) {
        def t = "tenant_${i}"
        assert ItDatabase.query(url, "SELECT count(*) FROM ${t}.counter") == ['1'] : "the data migration ran once in ${t}"
        assert ItDatabase.query(url, "SELECT revision || ' ' || count(*) FROM ${t}.migrate_history WHERE direction = 'upgrade' GROUP BY revision ORDER BY 1") == ['20260101_000001 1', '20260101_000002 1'] : t
        assert ItDatabase.query(url, "SELECT version_num FROM ${t}.migrate_version") == ['20260101_000002'] : t
    }
    assert ItDatabase.query(url, "SELECT to_regclass('public.counter') IS NULL") == ['t']
} finally {
    ItDatabase.stop(basedir)
}
true
