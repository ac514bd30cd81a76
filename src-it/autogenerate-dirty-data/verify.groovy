import dev.migrate.testing.ItDatabase
try {
    def url = 'jdbc:postgresql://localhost:25457/app'
    def log = new File(basedir, 'build.log').text
    // each risky change measured on the rows, in the log of autogenerate and check alike
    assert log.contains('public.customers.email: 3 rows hold NULL in email (e.g. the row with id = 1); SET NOT NULL fails on them.')
    assert log.contains('public.customers.email: 1 value is longer than 255 characters')
    assert log.contains("public.customers.code: 1 value of (code) is held by more than one row (e.g. 'A')")
    assert log.contains("public.orders.customer_id: 1 row references no row of public.customers (e.g. '99')")
    assert log.contains("public.orders.amount: 1 value does not fit numeric(5,2) (e.g. '12345.67')")
    assert log.contains('Measured: public.events holds about 150,000 rows (pg_class estimate), at least largeTableRows (100,000): autogenerate writes the lock-safe form.')
    assert !log.contains('dirty-data-pw')

    def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.contains('TightenCustomers') }
    assert written.size() == 2 : 'the large table\'s index is built concurrently in a migration of its own: ' + written*.name
    def first = written.find { !it.name.contains('ConcurrentPart') }.text
    def concurrent = written.find { it.name.contains('ConcurrentPart') }.text
    assert concurrent.contains('transactional = false')
    // the guards come first, before any change, and the header lists the figures
    assert first.indexOf('op.requireNoRows(') >= 0
    assert first.indexOf('op.requireNoRows(') < first.indexOf('op.alterColumn')
    assert first.contains('[data] public.customers.email: 3 rows hold NULL in email')
    assert !first.substring(first.indexOf('public void downgrade')).contains('requireNoRows')
    // the small table keeps the plain form; the large one's index is built concurrently
    assert concurrent.contains('ix_events_kind') && concurrent.toLowerCase().contains('concurrent')
    assert !first.contains('ix_events_kind')
    assert log.contains('Measured: public.customers holds 5 rows, below largeTableRows (100,000): the plain form holds its lock only briefly.')
    assert first.contains('op.alterColumnNullable("customers", "email", false)') || first.contains('op.setNotNull("customers", "email")') : first
    assert !concurrent.contains('"customers"')

    // the written migration stops on its first guard, and nothing of it is applied
    assert log.contains('row found)') || log.contains('rows found)')
    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['20260101_000001']
    assert ItDatabase.query(url, "SELECT is_nullable || character_maximum_length FROM information_schema.columns WHERE table_name = 'customers' AND column_name = 'email'") == ['YES1000']
    assert ItDatabase.query(url, 'SELECT count(*) FROM customers') == ['5']
} finally {
    ItDatabase.stop(basedir)
}
true
