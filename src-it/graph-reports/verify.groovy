def log = new File(basedir, 'build.log').text
assert log.contains('20260101_000004 (head)') : 'heads lists the merge point'
assert log.contains('add email') && log.contains('add phone')
assert log.contains('-> 20260101_000002') && log.contains('-> 20260101_000003') : 'branches lists both children'
assert log.contains('20260101_000002')
assert !log.contains('embedded PostgreSQL') : 'graph reports start no database'
assert !new File(basedir, 'target/migrate/pgdata').exists()
true
