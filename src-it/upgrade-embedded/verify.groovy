import dev.migrate.testing.ItDatabase

def log = new File(basedir, 'build.log').text
def pgdata = new File(basedir, 'target/migrate/pgdata')
def db = { String sql -> ItDatabase.queryEmbedded(pgdata, sql) }

assert log.contains('embedded PostgreSQL')
assert log.contains('target/migrate/pgdata')
assert log.contains('20260101_000002 (head)') : 'the second build shows the upgraded state'
assert db('SELECT version_num FROM migrate_version') == ['20260101_000002']
assert db("SELECT count(*) FROM migrate_history WHERE direction = 'upgrade'") == ['2']
assert db("SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY 1") == ['email', 'id', 'name']
assert log.contains('Nothing to do: the database is already at 20260101_000002.')
def kept = new File(basedir, 'target/migrate/checksum-cache').readLines()
assert kept[0] ==~ /key [0-9a-f]{64}/
assert kept.drop(1).collect { it.split(' ')[0] } == ['20260101_000001', '20260101_000002']
assert kept.drop(1).every { it.split(' ')[1].startsWith('v2:') }
assert db('SELECT checksum FROM migrate_history ORDER BY id') == kept.drop(1).collect { it.split(' ')[1] }
true
