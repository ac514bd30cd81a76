import dev.migrate.testing.ItDatabase

def log = new File(basedir, 'build.log').text
def pgdata = new File(basedir, 'target/migrate/pgdata')
def db = { String sql -> ItDatabase.queryEmbedded(pgdata, sql) }

assert log.contains('20260101_000001') : 'the message names the revision'
assert log.contains('42P01') : 'the message names the SQLSTATE'
assert log.contains('no_such_table')
assert db("SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'") == ['0'] : 'rolled back'
def recorded = db("SELECT count(*) FROM information_schema.tables WHERE table_name = 'migrate_version'") == ['0'] ? ['0'] : db('SELECT count(*) FROM migrate_version')
assert recorded == ['0'] : 'nothing recorded'
true
