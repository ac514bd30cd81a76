def log = new File(basedir, 'build.log').text
assert log.contains('Verified 20260101_000001: upgrade, downgrade, upgrade')
assert log.contains('In the downgrade of revision 20260102_000001, accepted another column order of table public.accounts')
assert log.contains('Verified downgrade to base: nothing left but the version tables.')
assert log.contains('Skipped the comparison with the entities: the project has no JPA API (jakarta.persistence) on its classpath.')
assert log.contains('Verified 2 revisions: every step round-trips.')
// then the lint of the chain: dropping a column is reported, as a warning that does not fail the build
assert log.contains('[WARNING] 20260102_000001')
assert log.contains('drops column email')
assert log.contains('[backward-incompatible]')
assert log.contains('Lint of 2 migrations on PostgreSQL 18.')
assert !log.contains('JPA API on its classpath (jakarta.persistence). Add')
true
