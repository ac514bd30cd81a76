import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('The configured database is only read, since the role app has no CREATE privilege on the '
            + 'database shared: the entity side is built on a throwaway embedded PostgreSQL')
    assert log.contains('The role app has no CREATE privilege on the database shared')
    assert log.contains('-Dmigrate.comparisonDatabase=embedded')
    assert log.contains('comparisonDatabase=embedded): the configured database is only read')
    assert log.count('No differences: the entities match the schema at head.') == 2
    // the third run takes the entity side from the cache, so its embedded server is never started
    assert log.count('comparisonDatabase=embedded): the configured database is only read') == 1
    assert log.count('Starting a throwaway embedded PostgreSQL') == 1
    assert log.contains('Entity DDL and schema taken from the cache in target/migrate/entity-cache')
    assert !log.contains('shared-pw')
    def url = 'jdbc:postgresql://localhost:25463/shared'
    // the migrations ran; the comparisons left nothing on the shared database
    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['20260101_000001']
    assert ItDatabase.query(url, "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
            + "AND nspname <> 'information_schema' ORDER BY 1") == ['public']
    assert ItDatabase.query(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1") ==
            ['agents', 'migrate_history', 'migrate_version']
} finally {
    ItDatabase.stop(basedir)
}
true
