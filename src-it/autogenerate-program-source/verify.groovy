import dev.migrate.testing.ItDatabase
try {
    def url = 'jdbc:postgresql://localhost:25939/app'
    def log = new File(basedir, 'build.log').text
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }.sort { it.name }
    assert written*.name.collect { it.replaceAll('^V[0-9_]+_', '') } == ['CreateInvoices.java', 'AddEmail.java', 'RenameEmail.java', 'DropNote.java'] : written*.name

    // from the empty chain: everything jOOQ's DDL export printed, its foreign key and index, with the downgrade
    def create = written[0].text
    ['customers', 'invoices', 'invoices_customer', 'invoices_customer_fk', 'public void downgrade'].each { assert create.contains(it) : it }
    // the three changes: a column added, renamed as the hint says, dropped with the values it deletes counted
    def add = written[1].text
    assert add.contains('op.addColumn("customers"') && add.contains('"email"') : add
    def rename = written[2].text
    assert rename.contains('op.renameColumn("customers", "email", "contact_email")') : rename
    assert !rename.contains('dropColumn') : rename
    def drop = written[3].text
    assert drop.contains('op.dropColumn("invoices", "note")') : drop
    assert (drop + log).contains('holds 2 non-null values in note, which the drop deletes') : drop

    // check in sync after each autogenerate; the script's column more is the one difference it found before
    assert log.count('No differences between the schema at head and the main class com.example.billing.') == 4
    // the script's now() is jOOQ's CURRENT_TIMESTAMP (one value): the column more is the one difference
    assert log.contains('The schema at head differs from the program sh schema-v2.sh in 1 way:') : 'the script differs by its column more alone'
    assert log.contains('added column public.customers.email')
    // the rows jOOQ wrote kept through the rename and the drop
    assert ItDatabase.query(url, 'SELECT contact_email FROM customers ORDER BY id') == ['ada@example.com', 'grace@example.com']
    assert ItDatabase.query(url, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'invoices' AND column_name = 'note'") == ['0']

    // the program's failure names the command, the exit code and the end of its standard error
    assert log.contains('The schema source sh failing.sh exited with 4')
    assert log.contains('schema export failed: no connection to the build cache')
} finally {
    ItDatabase.stop(basedir)
}
true
