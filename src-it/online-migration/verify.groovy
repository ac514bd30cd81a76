import dev.migrate.testing.ItDatabase
try {
    def url = 'jdbc:postgresql://localhost:25981/app'
    def log = new File(basedir, 'build.log').text
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles().find { it.name.contains('OnlineShop') }
    assert written != null
    def java = written.text
    // the breaking changes as online changes, each with its note; the rest as it was
    assert java.contains('op.online(OnlineChange.alterColumn("orders", "amount")') : java
    assert java.contains('.type("numeric(12,2)")') : java
    assert java.contains('op.online(OnlineChange.alterColumn("orders", "customer_id").notNull())') : java
    assert java.contains('op.online(OnlineChange.renameColumn("customers", "name", "full_name"))') : java
    assert java.contains('op.online(OnlineChange.dropColumn("customers", "fax"))') : java
    assert java.contains('// Warning: An online migration: upgrade runs its expand phase')
    assert log.contains('as an online migration: mvn compile migrate:upgrade runs its expand phase, mvn compile migrate:complete its contract')

    // upgrade ran the expand: current says so, and the next upgrade waits
    assert log =~ /\d{8}_\d{6} \(head\) \(expand\)/
    assert log.contains('is in its expand phase: complete it with mvn migrate:complete.')
    assert log.contains('Backfilled orders (_migrate_new_amount): 2500 rows')
    // complete ran the contract; check then finds the entities and the schema at head alike
    assert log.contains('Running complete ')
    assert log.contains('No differences: the entities match the schema at head.')

    // the downgrade of the completed revision, then one during a second expand, put the tables back
    assert log.contains('Nothing to complete: no online revision is in its expand phase.')
    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['20260101_000001']
    // the types and NOT NULLs as they were; the columns an online change replaced stand where they were added
    assert ItDatabase.query(url, "SELECT string_agg(column_name || ' ' || data_type || ' ' || is_nullable, ', ' ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'orders'") ==
            ['amount integer NO, customer_id bigint YES, id bigint NO, note text YES']
    assert ItDatabase.query(url, "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'customers'") ==
            ['id, name, fax']
    assert ItDatabase.query(url, "SELECT count(*) FROM pg_attribute WHERE attname LIKE '\\_migrate\\_%' AND NOT attisdropped") == ['0']
    assert ItDatabase.query(url, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'public\\_2%'") == ['0']
    assert ItDatabase.query(url, 'SELECT sum(amount) FROM orders') == ['3126250']
} finally {
    ItDatabase.stop(basedir)
}
true
