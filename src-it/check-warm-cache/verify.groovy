import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def count = { String text -> log.count(text) }
    // checks 1, 2, 3, then the two clean checkouts
    assert count('No differences: the entities match the schema at head.') == 5
    assert count('No changes detected: the entities match the schema at head. Nothing written.') == 1
    // cold, with other settings, and the clean checkout with other settings than the snapshot's: the warm runs
    // and the clean checkout with the snapshot's settings never start the provider
    assert count('Asking the project\'s JPA provider for the entity DDL') == 3
    assert count('Entity DDL taken from the cache in target/migrate/entity-cache') == 2
    // plain entities that match: their DDL is read without building it in every run, so no scratch schema and no model
    assert count('The entities\' DDL, read without building it, matches the schema at head.') == 6
    assert count('Read the entities\' DDL from src/main/migrate/entities.sql, written for the same entities, provider'
            + ' and settings.') == 1
    assert count('src/main/migrate/entities.sql was written for other entities, provider or settings: the provider'
            + ' describes the entities (autogenerate writes it again).') == 1

    // the snapshot autogenerate wrote: its key, then the provider's statements one a line
    def snapshot = new File(basedir, 'src/main/migrate/entities.sql').readLines()
    def key = snapshot.findIndexOf { it.startsWith('-- key ') }
    assert key > 0 && snapshot[key] ==~ /-- key [0-9a-f]{64}/
    assert snapshot[key + 1] ==~ /-- statements [0-9a-f]{64}/
    assert snapshot.drop(key + 2).any { it.startsWith('create table agents (') && it.endsWith(';') }

    // the last clean checkout's cache holds its own DDL alone
    def cache = new File(basedir, 'target/migrate/entity-cache')
    assert cache.listFiles().count { it.name.endsWith('.ddl') } == 1
    assert cache.listFiles().count { it.name.endsWith('.model') } == 0 : 'no entity side was built'
    assert ItDatabase.query('jdbc:postgresql://localhost:25437/app',
            "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrate_scratch%'") == ['0']
} finally {
    ItDatabase.stop(basedir)
}
true
