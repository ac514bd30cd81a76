import dev.migrate.testing.ItDatabase
try {
    def url = 'jdbc:postgresql://localhost:25517/app'
    def log = new File(basedir, 'build.log').text
    def migrations = new File(basedir, 'src/main/java/db/migrations')
    def written = { String name ->
        def found = migrations.listFiles().findAll { it.name.contains(name) }
        assert found.size() == 1 : name + ': ' + migrations.listFiles()*.name
        found[0].text
    }
    assert log.contains("Reading the entities from Spring Data JDBC's mapping model.")
    assert !log.contains('JPA provider')

    // from the empty chain: the root's table, its list's and its set's, the embedded address in the root's table
    def create = written('CreateOrders')
    assert create.contains('"purchase_order"') : create
    assert create.contains('"order_line"') && create.contains('"tag"') : create
    assert create.contains('"ship_city"') && create.contains('"order_id"') && create.contains('"position"') : create
    // the three entity changes: a column added, renamed as the hint says, dropped with the values it deletes counted
    def add = written('AddNote')
    assert add.contains('op.addColumn("purchase_order"') && add.contains('"note"') : add
    def rename = written('RenameNote')
    assert rename.contains('op.renameColumn("purchase_order", "note", "remark")') : rename
    assert !rename.contains('dropColumn') : rename
    def drop = written('DropRemark')
    assert drop.contains('op.dropColumn("purchase_order", "remark")') : drop
    assert (drop + log).contains('holds 1 non-null values in remark, which the drop deletes') : drop

    // Spring Data JDBC wrote its aggregate on the chain's schema, which kept it through the rename and the drop
    assert log.contains('Spring Data JDBC saved and read order 1 of Ada with 1 line and 1 tag, note ring twice')
    assert ItDatabase.query(url, 'SELECT customer || \' \' || ship_city FROM purchase_order') == ['Ada Paris']
    assert ItDatabase.query(url, 'SELECT order_id || \' \' || position || \' \' || product FROM order_line') == ['1 0 tea']
    assert ItDatabase.query(url, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'purchase_order' AND column_name IN ('note', 'remark')") == ['0']
} finally {
    ItDatabase.stop(basedir)
}
true
