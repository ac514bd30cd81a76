import dev.migrate.testing.ItDatabase
import groovy.json.JsonSlurper
try {
    def log = new File(basedir, 'build.log').text

    assert log.contains('tenant_c has drifted from the schema of revision 20260101_000002:')
    assert log.contains('  - column tenant_c.customers.nickname: the database has it, the chain does not')
    assert log.contains('  - index ix_customers_country on tenant_c.customers: the chain has it, the database does not')
    assert log.contains('Drift of 3 tenants: 2 in sync, 1 drifted, 0 not compared.')
    assert log.contains('1 tenant has drifted and 0 could not be compared (tenant_c)')
    assert !log.contains('tenant_a has drifted') && !log.contains('tenant_b has drifted')

    // the result for CI: each tenant with its revision, in sync or its differences
    def json = new JsonSlurper().parse(new File(basedir, 'target/migrate/drift.json'))
    assert json.version == 1
    assert json.counts == [inSync: 2, drifted: 1, failed: 0]
    assert json.tenants*.name == ['tenant_a', 'tenant_b', 'tenant_c']
    def byName = json.tenants.collectEntries { [it.name, it] }
    assert byName.tenant_a.revision == '20260101_000002' && byName.tenant_a.outcome == 'inSync'
    assert byName.tenant_b.revision == '20260101_000001' && byName.tenant_b.outcome == 'inSync'
    assert byName.tenant_c.outcome == 'drifted'
    assert byName.tenant_c.differences.contains('column tenant_c.customers.nickname: the database has it, the chain does not')

    // the SQL that brings tenant_c back, beside the file asked for, naming its schema
    def sql = new File(basedir, 'target/drift-tenant_c.sql').text
    assert sql.contains('SET search_path = tenant_c, public;')
    assert sql.contains('DROP COLUMN nickname')
    assert !new File(basedir, 'target/drift-tenant_a.sql').exists()
    true
} finally {
    ItDatabase.stop(basedir)
}
