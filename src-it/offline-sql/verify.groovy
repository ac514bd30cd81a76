def script = new File(basedir, 'target/upgrade.sql')
assert script.isFile()
def sql = script.text
assert sql.contains('BEGIN')
assert sql.contains('COMMIT')
assert sql.contains('CREATE TABLE accounts')
assert sql.contains('ALTER TABLE accounts ADD COLUMN email text')
assert sql.contains('migrate_version')
assert sql.contains("SET lock_timeout = '10000ms';") : 'the script waits for locks no longer than a run does'
assert sql.contains('20260101_000001') && sql.contains('20260101_000002')
assert !sql.contains('offline-secret-0815')
def log = new File(basedir, 'build.log').text
assert !log.contains('offline-secret-0815') || log.contains('-Dmigrate.password=offline-secret-0815') && log.count('offline-secret-0815') == log.count('-Dmigrate.password=offline-secret-0815')
assert !new File(basedir, 'target/migrate/pgdata').exists() : 'offline mode starts no database'
true
