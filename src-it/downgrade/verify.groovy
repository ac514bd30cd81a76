import dev.migrate.testing.ItDatabase

def log = new File(basedir, 'build.log').text
def pgdata = new File(basedir, 'target/migrate/pgdata')
def db = { String sql -> ItDatabase.queryEmbedded(pgdata, sql) }

assert db('SELECT version_num FROM migrate_version') == ['20260101_000001']
assert db("SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY 1") == ['id', 'name']
assert db("SELECT count(*) FROM migrate_history WHERE direction = 'downgrade'") == ['1']
true
