import dev.migrate.testing.ItDatabase

def log = new File(basedir, 'build.log').text
def pgdata = new File(basedir, 'target/migrate/pgdata')
def db = { String sql -> ItDatabase.queryEmbedded(pgdata, sql) }

// downgrade 20260101_000001 reverted its child only: audit merely depends on it and stays, with its rows' table
assert db('SELECT version_num FROM migrate_version ORDER BY 1') == ['20260101_000001', '20260102_000001']
assert db("SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY 1") == ['id', 'name']
assert db("SELECT count(*) FROM information_schema.tables WHERE table_name = 'audit'") == ['1']
assert db("SELECT revision FROM migrate_history WHERE direction = 'downgrade'") == ['20260101_000002']

// a downgrade to a revision not applied fails, naming the target and the current revisions, and runs nothing
assert log.contains('Destination 20260101_000002 is not a valid downgrade target from the current revision(s) '
        + '20260101_000001, 20260102_000001')
assert log.contains('Nothing was changed.')
// the same offline: the range goes the wrong way
assert log.contains('Destination 20260101_000002 is not a valid downgrade target from the current revision(s) 20260101_000001:')

// an offline stamp over a range moves the row from its start to its end
def stamp = new File(basedir, 'target/stamp.sql').text
assert stamp.contains("DELETE FROM public.migrate_version WHERE version_num IN ('20260101_000001')")
assert stamp.contains("INSERT INTO public.migrate_version (version_num) VALUES ('20260101_000002')")
assert stamp.contains("VALUES ('20260101_000002', 'stamp', 'stamp 20260101_000001:20260101_000002'")
// a history range with an end that is no target form is refused, naming that end and the forms it takes
assert log.contains("The target 'head+x' is not understood; use one of head, heads, base")
true
