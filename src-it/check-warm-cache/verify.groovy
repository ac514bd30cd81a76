import dev.migrate.maven.it.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def count = { String text -> log.count(text) }
    assert count('No differences: the entities match the schema at head.') == 3
    // cold and with other settings only: the warm run never starts the provider
    assert count('Asking the project\'s JPA provider for the entity DDL') == 2
    assert count('Entity DDL and schema taken from the cache in target/migrate/entity-cache') == 1
    def cache = new File(basedir, 'target/migrate/entity-cache')
    assert cache.listFiles().count { it.name.endsWith('.ddl') } == 2
    assert cache.listFiles().count { it.name.endsWith('.model') } == 1 : 'the same DDL is the same model'
    assert ItDatabase.query('jdbc:postgresql://localhost:25437/app',
            "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrate_scratch%'") == ['0']
} finally {
    ItDatabase.stop(basedir)
}
true
