import dev.migrate.testing.ItDatabase
import groovy.json.JsonSlurper
try {
    def app = 'jdbc:postgresql://localhost:25971/app'
    def log = new File(basedir, 'build.log').text

    // in sync after the upgrade, and after the drift's SQL ran
    assert log.contains('No drift: localhost:25971/app matches revision 20260101_000002.')
    assert log.count('No drift: localhost:25971/app matches revision 20260101_000002.') == 2

    // the edits by hand, each on a line of its own, by kind and name, what each side has
    assert log.contains('localhost:25971/app has drifted from the schema of revision 20260101_000002 in 3 ways:')
    assert log.contains('  - column public.customers.nickname: the database has it, the chain does not')
    assert log.contains('  - index ix_customers_country on public.customers: the chain has it, the database does not')
    // a changed definition shows where it differs, as a unified diff: - the database, + the chain
    assert log =~ /  - function public\.touch\(\): body or attributes differ \(- the database, \+ the chain\):/
    assert log.contains('-AS $function$ BEGIN RETURN NEW; END $function$;')
    assert log.contains('+AS $function$ BEGIN NEW.updated_at := now(); RETURN NEW; END $function$;')
    assert !log.contains('table public.hand_edits_version:') : 'the excluded tables are no drift'

    // the SQL written for review: it ran (goal 5), and the database is back as the chain builds it
    def sql = new File(basedir, 'target/drift.sql').text
    assert sql.startsWith('-- What brings localhost:25971/app back to the schema of revision 20260101_000002')
    assert sql.contains('ALTER TABLE customers DROP COLUMN nickname') || sql.contains('DROP COLUMN nickname')
    assert sql.contains('CREATE INDEX ix_customers_country')
    // the statements in one transaction, after the comments
    assert sql.contains('\nBEGIN;\n') && sql.endsWith('COMMIT;\n')
    assert ItDatabase.query(app, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_customers_country'") == ['1']
    assert ItDatabase.query(app, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customers' AND column_name = 'nickname'") == ['0']

    // the second edit accepted: a migration that adds the column, the database stamped at it, in sync
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles().find { it.name.endsWith('_VipCustomers.java') }
    assert written != null
    def source = written.text
    assert source.contains('revises = "20260101_000002"')
    assert source.contains('"vip"') && source.contains('addColumn')
    assert source.contains('migrate:drift')
    def id = (written.name =~ /^V(\d{8}_\d{6})_/)[0][1]
    assert log.contains('mark it with mvn compile migrate:stamp -Dmigrate.target=' + id)
    assert ItDatabase.query(app, 'SELECT version_num FROM public.migrate_version') == [id]
    assert log.contains("No drift: localhost:25971/app matches revision ${id}.")

    // the last run's result, for CI
    def json = new JsonSlurper().parse(new File(basedir, 'target/migrate/drift.json'))
    assert json.version == 1
    assert json.command == 'drift'
    assert json.counts == [inSync: 1, drifted: 0, failed: 0]
    assert json.tenants == [[name: 'localhost:25971/app', revision: id, outcome: 'inSync', differences: [], error: null]]
    assert !log.contains('drift-pw') : 'no password in the log'
    true
} finally {
    ItDatabase.stop(basedir)
}
