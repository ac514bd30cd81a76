import dev.migrate.testing.ItDatabase

def lines = new File(basedir, 'build.log').readLines()
def pgdata = new File(basedir, 'target/migrate/pgdata')
def db = { String sql -> ItDatabase.queryEmbedded(pgdata, sql) }
def index = { String prefix -> lines.findIndexOf { it.startsWith('[INFO] ' + prefix) } }

// the upgrade: each step's start line when it starts, the progress of the slow one, its end with its duration
int firstStart = index('Running upgrade <base> -> 20260101_000001, create accounts')
int firstEnd = index('Finished upgrade <base> -> 20260101_000001 in ')
int start = index('Running upgrade 20260101_000001 -> 20260101_000002, backfill names')
int end = index('Finished upgrade 20260101_000001 -> 20260101_000002 in ')
def progress = lines.findAll { it.startsWith('[INFO] Still running upgrade 20260101_000001 -> 20260101_000002 after ') }
assert firstStart >= 0 && firstStart < firstEnd && firstEnd < start && start < end : lines.join('\n')
assert progress.size() == 2 : 'a line every 2 s of a 5 s step: ' + progress
assert progress[0] == '[INFO] Still running upgrade 20260101_000001 -> 20260101_000002 after 2 s; now running: SELECT pg_sleep(5)'
assert progress[1] == '[INFO] Still running upgrade 20260101_000001 -> 20260101_000002 after 4 s; now running: SELECT pg_sleep(5)'
assert progress.every { lines.indexOf(it) > start && lines.indexOf(it) < end }
assert lines[end] ==~ /\[INFO\] Finished upgrade 20260101_000001 -> 20260101_000002 in 5\d\d\d ms\./
assert lines[firstEnd] ==~ /\[INFO\] Finished upgrade <base> -> 20260101_000001 in \d+ ms\./
assert db('SELECT duration_ms >= 5000 FROM migrate_history WHERE revision = \'20260101_000002\'') == ['t']

// history: when (UTC), by whom and how long, from the history table
def user = db('SELECT applied_by FROM migrate_history WHERE revision = \'20260101_000002\'')[0]
def applied2 = db("SELECT to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM migrate_history WHERE revision = '20260101_000002'")[0]
assert lines.contains('[INFO] 20260101_000002 -> 20260101_000003 (head), add email [pending]')
def history = lines.find { it.startsWith('[INFO] 20260101_000001 -> 20260101_000002 (current), backfill names') }
assert history ==~ /\[INFO\] 20260101_000001 -> 20260101_000002 \(current\), backfill names \[applied \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ by \w+ in 5\d\d\d ms\]/
assert history.contains("[applied ${applied2} by ${user} in ")
assert lines.any { it ==~ /\[INFO\] <base> -> 20260101_000001, create accounts \[applied \S+Z by \w+ in \d+ ms\]/ }

// current -Dmigrate.verbose: the current revision's block with the same status
int block = index('Revision ID: 20260101_000002 (current)')
assert block >= 0
assert lines.subList(block, lines.size()).any { it ==~ /\[INFO\] Status: applied ${applied2} by ${user} in 5\d\d\d ms/ }
true
