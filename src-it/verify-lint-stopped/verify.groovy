import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// both runs: the chain itself round-trips
assert log.count('Verified 2 revisions: every step round-trips.') == 2
// the stop is a finding of its own, with the table, the statement and the rule id
assert log.contains('[ERROR] 20260102_000001 (add tier): public.accounts: ')
assert log.contains('the lint stopped here, and the migrations after it were not analysed')
assert log.contains('[migration-fails]')
// at failOn=error it fails the build with the migration's failure
assert log.contains('Migration 20260102_000001 (add tier) failed during upgrade')
assert log.contains('a migration that fails on a table with rows fails in production too.')
// at failOn=none it is reported and the build goes on
assert log.contains('[WARNING] The lint stopped at revision 20260102_000001: ')
assert log.contains('The build goes on because the finding is below -Dmigrate.failOn=none')

def report = new JsonSlurper().parse(new File(basedir, 'target/migrate/lint-none.json'))
assert report.revisions == ['20260101_000001', '20260102_000001']
def stop = report.findings.find { it.rule == 'migration-fails' }
assert stop != null : "the stop is in the report: ${report.findings}"
assert stop.severity == 'error' && stop.revision == '20260102_000001' && stop.table == 'public.accounts'
assert stop.statement.contains('ADD COLUMN tier text NOT NULL')
true
