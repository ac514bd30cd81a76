import dev.migrate.testing.ItDatabase

def log = new File(basedir, 'build.log').text
def pgdata = new File(basedir, 'target/migrate/pgdata')
def db = { String sql -> ItDatabase.queryEmbedded(pgdata, sql) }

assert log.contains('20260101_000001')
assert db('SELECT version_num FROM migrate_version') == ['20260101_000001']
assert db("SELECT count(*) FROM information_schema.tables WHERE table_name = 'accounts'") == ['0'] : 'stamp runs no migration'
true
