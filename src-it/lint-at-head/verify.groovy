import dev.migrate.testing.ItDatabase
import groovy.json.JsonSlurper
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('It is at 20260101_000002, every head: no migration is pending, so there is nothing to lint '
            + 'and no throwaway PostgreSQL was started.')
    assert !log.contains('Starting a throwaway embedded PostgreSQL')
    assert !log.contains('embedded PostgreSQL') : 'neither goal started a server of its own'
    def report = new JsonSlurper().parse(new File(basedir, 'target/migrate/lint.json'))
    assert report.revisions == [] && report.findings == []
    assert ItDatabase.query('jdbc:postgresql://localhost:25489/app', 'SELECT version_num FROM migrate_version') == ['20260101_000002']
} finally {
    ItDatabase.stop(basedir)
}
true
