import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }
    assert written.size() == 1 : "the baseline, found ${written*.name}"
    def b = written[0].text
    // both schemas created where missing, the type of the other schema brought in, every name qualified
    assert b.contains('op.createSchemaIfNotExists("sales")') && b.contains('op.createSchemaIfNotExists("shared")') : b
    assert b.contains('op.createObject(ObjectKind.DOMAIN, "shared.money_amount"') : b
    assert b.contains('op.createEnum("sales.order_status"') : b
    assert b.contains('op.createTable("sales.orders"') && b.contains('op.createTable("sales.customers"') : b
    assert !b.contains('op.createTable("orders"') : b
    assert !b.contains('Not written here') && !log.contains('itself is not created here') : b
    assert !log.contains('[WARNING] Schema') : log

    // the new database got the tables in sales, though its URL sets no search path
    def tables = ItDatabase.query('jdbc:postgresql://localhost:25985/fresh',
            "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")
    assert tables == ['public.migrate_history', 'public.migrate_version', 'sales.customers', 'sales.orders'] : tables
    assert log.contains('No drift: localhost:25985/fresh matches revision') : log
    assert log.contains('Verified 1 revisions: every step round-trips.') : log
    return true
} finally {
    ItDatabase.stop(basedir)
}
