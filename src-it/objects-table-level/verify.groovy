import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
    assert runs.size() == 5 : "five Maven runs in the log, found ${runs.size()}"
    runs.eachWithIndex { run, i -> assert run.contains('BUILD SUCCESS') : "run ${i + 1}: " + run }
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }
    assert written.size() == 1 : written*.name
    def source = written[0].text
    def up = source.substring(source.indexOf('public void upgrade'), source.indexOf('public void downgrade'))

    // what the files add to the tables is written, not left out
    ['customers_lower_email', 'orders_open', 'customer orders', 'free text', 'invoice_no_seq',
     'orders_total_nonneg', 'order_state', 'orders_cust_status'].each { assert up.contains(it) : it + ' in ' + up }
    // what the invoices table uses is created before it
    int table = up.indexOf('op.createTable("invoices"')
    assert table >= 0 : up
    ['"country_code"', '"positive_amount"', '"gen_code()"', '"valid_country(c text)"'].each {
        int at = up.indexOf(it)
        assert at >= 0 && at < table : it + ' before the table in ' + up
    }

    // 2 to 5: no difference on any route, nothing taken for something to drop
    (1..4).each { assert runs[it].contains('No differences: the entities match the schema at head.') : "run ${it + 1}: " + runs[it] }
    assert ItDatabase.query('jdbc:postgresql://localhost:25991/app', "SELECT obj_description('public.orders'::regclass)") == ['customer orders']
} finally {
    ItDatabase.stop(basedir)
}
true
