import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def count = { String text -> log.count(text) }
    assert count('No differences: the entities match the schema at head.') == 3
    // cold and with other settings only: the warm run never starts the provider
    assert count('Asking the project\'s JPA provider for the entity DDL') == 2
    assert count('Entity DDL taken from the cache in target/migrate/entity-cache') == 1
    // plain entities that match: their DDL is read without building it, so no scratch schema and no model
    assert count('The entities\' DDL, read without building it, matches the schema at head.') == 3
    def cache = new File(basedir, 'target/migrate/entity-cache')
    assert cache.listFiles().count { it.name.endsWith('.ddl') } == 2
    assert cache.listFiles().count { it.name.endsWith('.model') } == 0 : 'no entity side was built'
    assert ItDatabase.query('jdbc:postgresql://localhost:25437/app',
            "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrate_scratch%'") == ['0']
} finally {
    ItDatabase.stop(basedir)
}
true
