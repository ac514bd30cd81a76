import dev.migrate.testing.ItDatabase
import groovy.json.JsonSlurper
try {
    def app = 'jdbc:postgresql://localhost:25823/app'
    def log = new File(basedir, 'build.log').text

    // a database per tenant: each at head, in its own public schema, the duplicate line run once
    for (db in ['shop_eu', 'shop_us']) {
        def url = "jdbc:postgresql://localhost:25823/${db}"
        assert ItDatabase.query(url, 'SELECT version_num FROM public.migrate_version') == ['20260101_000002'] : db
        assert ItDatabase.query(url, "SELECT count(*) FROM public.migrate_history WHERE direction = 'upgrade'") == ['2'] : db
        assert ItDatabase.query(url, 'SELECT country FROM public.customers') == ['US'] : db
    }
    assert !log.contains('fleet-pw') : 'no password in the log'

    // offline: one script per tenant beside the file asked for
    def a = new File(basedir, 'target/fleet-sql/upgrade-tenant_a.sql').text
    def b = new File(basedir, 'target/fleet-sql/upgrade-tenant_b.sql').text
    assert a.contains('SET search_path = tenant_a, public;')
    assert a.contains('CREATE TABLE IF NOT EXISTS tenant_a.migrate_version')
    assert !a.contains('tenant_b')
    assert b.contains('SET search_path = tenant_b, public;')

    // a schema per tenant: tenant_a and tenant_c at head with their own tables, data from public
    for (t in ['tenant_a', 'tenant_c']) {
        assert ItDatabase.query(app, "SELECT version_num FROM ${t}.migrate_version") == ['20260101_000002'] : t
        assert ItDatabase.query(app, "SELECT revision || ' ' || count(*) FROM ${t}.migrate_history WHERE direction = 'upgrade' GROUP BY revision ORDER BY 1") == ['20260101_000001 1', '20260101_000002 1'] : t
        assert ItDatabase.query(app, "SELECT country FROM ${t}.customers ORDER BY 1") == ['DE', 'FR'] : t
    }
    // tenant_b stopped after its first migration, its second rolled back
    assert ItDatabase.query(app, 'SELECT version_num FROM tenant_b.migrate_version') == ['20260101_000001']
    assert ItDatabase.query(app, 'SELECT count(*) FROM tenant_b.customers') == ['0']
    assert ItDatabase.query(app, "SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('public', 'unrelated') AND table_name IN ('customers', 'orders', 'migrate_version')") == ['0']

    assert log.contains('1 tenant of 3 failed (tenant_b)')
    assert log =~ /Fleet upgrade to head: 3 tenants in [^:]+: 2 migrated, 0 unchanged, 1 failed, 0 not run\./
    assert log =~ /Fleet upgrade to head: 3 tenants in [^:]+: 0 migrated, 2 unchanged, 1 failed, 0 not run\./
    assert log.contains('[tenant_b] Failed: Migration 20260101_000002')

    // the summary of the last fleet run, in JSON
    def json = new JsonSlurper().parse(new File(basedir, 'target/migrate/fleet.json'))
    assert json.version == 1
    assert json.command == 'upgrade'
    assert json.counts == [migrated: 0, unchanged: 2, failed: 1, notRun: 0]
    assert json.tenants*.name == ['tenant_a', 'tenant_b', 'tenant_c']
    def failed = json.tenants.find { it.name == 'tenant_b' }
    assert failed.outcome == 'failed'
    assert failed.before == ['20260101_000001'] && failed.after == ['20260101_000001']
    assert failed.error.contains('"orders" already exists')
    def unchanged = json.tenants.find { it.name == 'tenant_a' }
    assert unchanged.outcome == 'unchanged' && unchanged.steps == [] && unchanged.error == null

    // current: one line per tenant and a count per revision
    assert log.contains('tenant_a: 20260101_000002 (head)')
    assert log.contains('tenant_b: 20260101_000001')
    assert log.contains('3 tenants, by revision:')
    assert log.contains('20260101_000002 (head): 2')

    assert log.contains("The fleet is empty: the tenants 'nobody_%' match no schema on")
    true
} finally {
    ItDatabase.stop(basedir)
}
