import dev.migrate.testing.ItDatabase
try {
    def url = 'jdbc:postgresql://localhost:25937/app'
    def log = new File(basedir, 'build.log').text
    def migrations = new File(basedir, 'src/main/java/db/migrations')
    def written = migrations.listFiles().findAll { it.name.endsWith('.java') }.sort { it.name }
    assert written*.name.collect { it.replaceAll('^V[0-9_]+_', '') } == ['CreateSchema.java', 'RenameCustomers.java', 'DropNotes.java'] : written*.name

    // the first revision: everything the files declare, whatever order the files are in, with its downgrade
    def create = written[0].text
    ['customers', 'orders', 'notes', 'order_state', 'open_orders', 'orders_customer', 'where receipts go'].each {
        assert create.contains(it) : it
    }
    assert create.contains('public void downgrade')

    // the renames declared in comments, a table and one of its columns in one revision, are renames, never a drop
    // and an add: the table first, then the column under its new name; the rows stay
    def rename = written[1].text
    assert rename.contains('renameTable') : rename
    assert rename.contains('op.renameColumn("clients", "name", "full_name")') : rename
    assert rename.indexOf('renameTable') < rename.indexOf('renameColumn') : rename
    assert !rename.contains('dropTable')
    assert !rename.contains('dropColumn')
    assert ItDatabase.query(url, 'SELECT full_name FROM clients ORDER BY id') == ['Ada', 'Grace']

    // the drop counts the rows it deletes
    def drop = written[2].text
    assert drop.contains('dropTable("notes")') : drop
    assert log.contains('3 rows, which the drop deletes') || drop.contains('3 rows, which the drop deletes')
    assert ItDatabase.query(url, "SELECT count(*) FROM pg_tables WHERE tablename = 'notes'") == ['0']

    // check found nothing after each autogenerate: three runs said so, and the check after baseline too
    assert log.count('No differences') >= 4 : 'check found no difference after each step'

    // baseline wrote the files: a file per table, the type apart
    def baseline = new File(basedir, 'target/baseline-schema')
    assert new File(baseline, 'tables/clients.sql').text.contains('CREATE TABLE')
    def all = baseline.listFiles().findAll { it.isFile() }*.text.join() + new File(baseline, 'tables').listFiles()*.text.join()
    assert new File(baseline, 'tables/orders.sql').text.contains('CREATE TABLE')
    ['orders_customer', 'open_orders', 'where receipts go'].each { assert all.contains(it) : it }
    assert new File(baseline, 'types.sql').text.contains('order_state')
    assert !new File(baseline, 'tables/notes.sql').exists()

    // a statement that never applies is named by its file and line
    assert log.contains('schema/broken/clients.sql line 3 (CREATE INDEX clients_x ON clients (nope))')
} finally {
    ItDatabase.stop(basedir)
}
true
