import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    // the bigserial key and the entity's identity number alike: no difference by default
    assert log.count('No differences: the entities match the schema at head.') == 2
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.contains('IdentityKeys') }
    assert written.size() == 1 : written*.name
    def source = written[0].text
    assert log.contains('Detected column public.customers.id: serial (sequence public.customers_id_seq) -> identity BY DEFAULT')
    // in the order PostgreSQL accepts: the default goes before the identity comes, the sequence last
    def order = ['op.dropDefault("customers", "id")', 'OWNED BY NONE', 'op.addIdentity("customers", "id"', 'setval(',
                 'op.dropSequence("customers_id_seq")']
    def at = order.collect { source.indexOf(it) }
    assert at.every { it >= 0 } && at == at.sort(false) : source

    // offline, numbering goes on from what the database holds when the script runs: no number is written in
    def sql = new File(basedir, 'target/identity-keys.sql').text
    assert sql.contains("pg_get_serial_sequence('customers', 'id')") : sql
    assert sql.contains('max(id)') && !(sql =~ /\b(990|991|1000|1001)\b/) : sql

    def url = 'jdbc:postgresql://localhost:25761/app'
    def history = ItDatabase.query(url, "SELECT direction FROM migrate_history ORDER BY id")
    assert history == ['upgrade', 'upgrade', 'downgrade', 'upgrade'] : history
    assert ItDatabase.query(url, "SELECT is_identity FROM information_schema.columns WHERE table_name = 'customers' "
            + "AND column_name = 'id'") == ['YES']
    assert ItDatabase.query(url, "SELECT count(*) FROM pg_class WHERE relname = 'customers_id_seq' AND relkind = 'S' "
            + "AND NOT EXISTS (SELECT 1 FROM pg_depend WHERE objid = pg_class.oid AND deptype = 'i')") == ['0']
    assert ItDatabase.query(url, 'SELECT count(*) FROM customers') == ['990']
    // past every number the serial handed out, through the conversion, its downgrade and the conversion again
    assert ItDatabase.query(url, "INSERT INTO customers (email) VALUES ('next@example.com') RETURNING id") == ['1001']
} finally {
    ItDatabase.stop(basedir)
}
true
