import dev.migrate.maven.it.ItDatabase

def log = new File(basedir, 'build.log').text
def pgdata = new File(basedir, 'target/migrate/pgdata')
def db = { String sql -> ItDatabase.queryEmbedded(pgdata, sql) }

assert log.contains('embedded PostgreSQL')
assert log.contains('target/migrate/pgdata')
assert log.contains('20260101_000002 (head)') : 'the second build shows the upgraded state'
assert db('SELECT version_num FROM migrate_version') == ['20260101_000002']
assert db("SELECT count(*) FROM migrate_history WHERE direction = 'upgrade'") == ['2']
assert db("SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY 1") == ['email', 'id', 'name']
true
