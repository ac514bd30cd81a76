import dev.migrate.testing.ItDatabase

def log = new File(basedir, 'build.log').text
def pgdata = new File(basedir, 'target/migrate/pgdata')
def db = { String sql -> ItDatabase.queryEmbedded(pgdata, sql) }

assert log.contains('20260101_000002 (head)') && log.contains('20260101_000003 (head)')
assert db('SELECT version_num FROM migrate_version ORDER BY 1') == ['20260101_000002', '20260101_000003']
assert db("SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY 1") == ['email', 'id', 'phone']
true
