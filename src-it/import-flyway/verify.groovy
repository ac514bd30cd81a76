import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
    assert runs.size() == 7 : "seven Maven runs, found ${runs.size()}"
    def app = 'jdbc:postgresql://localhost:25601/app'
    def laptop = 'jdbc:postgresql://localhost:25601/laptop'

    // 1: the real Flyway left production at V2 (its repeatable view run too) and the laptop at its old V2
    assert runs[0].contains('Successfully applied 3 migrations to schema "public", now at version v2')
    assert runs[0].contains('Successfully applied 2 migrations to schema "public", now at version v2')

    // 2: the import proved the chain against Flyway's own replay, then wrote one class per versioned migration
    // and the repeatable revision last, and the view as a declared object
    assert runs[1].contains('Proved: Flyway and the 5 written revisions build the same schema public on PostgreSQL ')
    assert runs[1].contains('Wrote 5 revisions imported from Flyway (classpath:db/migration) into src/main/java, '
            + 'V1 to R_repeatable, and 3 declared object files of what it builds beside the tables.')
    assert runs[1].contains('BUILD SUCCESS')
    def dir = new File(basedir, 'src/main/java/db/migrations')
    def written = dir.listFiles()*.name.sort()
    assert written == ['R_repeatable_CustomerTotals.java', 'V1_CreateCustomers.java', 'V2_AddOrders.java',
                       'V3_EmailAndTouch.java', 'V4_EmailIndex.java'] : written
    def source = { String name -> new File(dir, name).text }
    // each revision names the file it came from and carries Flyway's checksum of it: the very one Flyway
    // recorded in production's history table
    def flywayChecksums = ItDatabase.rows(app,
            "SELECT version, checksum FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
    assert flywayChecksums*.get(0) == ['1', '2']
    flywayChecksums.each { version, checksum ->
        def text = source(written.find { it.startsWith("V${version}_") })
        assert text.contains("id = \"V${version}\"") : text
        assert text.contains("from = \"flyway\",\n        key = \"${version}\",\n        checksums = \"${checksum}\"") : text
    }
    def v1 = source('V1_CreateCustomers.java')
    assert v1.contains('message = "V1 create customers (Flyway V1__create_customers.sql)"') : v1
    // the placeholder resolved at import from the Flyway plugin's <placeholders>, itself a Maven property
    assert v1.contains("op.execute(\"COMMENT ON TABLE customers IS 'who buys; kept by billing-team'\")") : v1
    assert !v1.contains('${owner}') && !v1.contains('billing.team') : v1
    // V1 has no undo file: its downgrade says so; V2's is U2__add_orders.sql
    assert v1 =~ /throw new MigrateException\("Flyway has no undo for V1__create_customers\.sql/ : v1
    def v2 = source('V2_AddOrders.java')
    assert v2.contains('revises = "V1"') && v2.contains('op.execute("DROP TABLE orders")') : v2
    assert v2.contains('total numeric(12, 2)') : v2
    // -- flyway:executeInTransaction=false
    // V4 as step 7 left it (planted/V4_EmailIndex.java, edited after the import); the import's V4 ran in step 3
    def v4 = source('V4_EmailIndex.java')
    assert v4.contains('transactional = false') && v4.contains('edited after the import') : v4
    assert runs[2].contains('Running upgrade V3 -> V4, V4 email index (Flyway V4__email_index.sql)')
    // the proof the import kept, which verify holds the imported revisions to
    assert new File(basedir, 'src/main/resources/META-INF/migrate/schema/R_repeatable.pg18.snapshot').isFile()
    def r = source('R_repeatable_CustomerTotals.java')
    assert r.contains('id = "R_repeatable"') && r.contains('revises = "V4"') : r
    assert r.contains('repeatable = true') && r.contains('CREATE OR REPLACE VIEW customer_totals') : r
    // what the chain builds beside the tables, as the proof read it where Flyway replayed: declared objects now
    def objects = new File(basedir, 'src/main/resources/db/objects/flyway')
    def view = new File(objects, 'view/public.customer_totals.sql')
    assert view.isFile() && view.text.contains('CREATE OR REPLACE VIEW public.customer_totals AS') : view
    assert new File(objects, 'function/public.touch_.sql').text.contains('CREATE OR REPLACE FUNCTION public.touch()')
    assert new File(objects, 'trigger').list().size() == 1
    // Flyway's files are left where they are
    assert new File(basedir, 'src/main/resources/db/migration').list().sort() ==
            ['R__customer_totals.sql', 'U2__add_orders.sql', 'V1__create_customers.sql', 'V2__add_orders.sql',
             'V3__email_and_touch.sql', 'V4__email_index.sql']

    // 3: production moved in: V1 and V2 marked as Flyway applied them (by Flyway's installed_by), V3, V4 and the
    // view run, nothing run twice; Flyway's table read and left as it was
    def upgrade = runs[2]
    assert upgrade.contains('Moved in from Flyway: 2 revisions it applied (public.flyway_schema_history, read and '
            + 'left as it is) marked as applied, up to V2.')
    assert !upgrade.contains('Running upgrade <base> -> V1') && !upgrade.contains('Running upgrade V1 -> V2')
    assert upgrade.contains('Running upgrade V2 -> V3, V3 email and touch (Flyway V3__email_and_touch.sql)')
    assert runs[2].contains('Running upgrade V3 -> V4, V4 email index (Flyway V4__email_index.sql)')
    assert upgrade.contains("Running upgrade V4 -> R_repeatable, Flyway's repeatable migrations (1)")
    assert upgrade.contains('BUILD SUCCESS')
    assert ItDatabase.query(app, 'SELECT version_num FROM migrate_version') == ['R_repeatable']
    assert ItDatabase.query(app, "SELECT revision || ' ' || direction || ' ' || applied_by FROM migrate_history ORDER BY id") ==
            ['V1 imported app (Flyway)', 'V2 imported app (Flyway)', 'V3 upgrade app', 'V4 upgrade app', 'R_repeatable upgrade app']
    // the imported rows keep when Flyway applied each migration
    assert ItDatabase.query(app, '''SELECT count(*) FROM migrate_history h JOIN flyway_schema_history f
            ON h.revision = 'V' || f.version AND h.applied_at = f.installed_on AT TIME ZONE current_setting('TimeZone')
            WHERE h.direction = 'imported' ''') == ['2']
    assert ItDatabase.query(app, 'SELECT count(*) FROM flyway_schema_history') == ['3']
    // the schema Flyway would have left, and production's rows kept
    assert ItDatabase.query(app, "SELECT indexname FROM pg_indexes WHERE tablename = 'customers' ORDER BY 1") ==
            ['customers_email', 'customers_pkey']
    assert ItDatabase.query(app, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal") == ['customers_touch']
    assert ItDatabase.query(app, 'SELECT name || ' + "' '" + ' || total FROM customer_totals ORDER BY id') ==
            ['ada 14.75', 'grace 99.00']
    assert ItDatabase.query(app, "SELECT obj_description('customers'::regclass)") == ['who buys; kept by billing-team']
    // history shows that past
    def history = upgrade.substring(upgrade.indexOf(':history (default-cli)'))
    assert history =~ /<base> -> V1, V1 create customers \(Flyway V1__create_customers\.sql\) \[applied \S+ by app \(Flyway\)\]/
    assert history =~ /V1 -> V2, V2 add orders \(Flyway V2__add_orders\.sql\) \[applied \S+ by app \(Flyway\)\]/
    assert history =~ /V2 -> V3, V3 email and touch \(Flyway V3__email_and_touch\.sql\) \[applied \S+ by app in \d+ ms\]/
    assert history.contains("V4 -> R_repeatable (head) (current), Flyway's repeatable migrations (1)")

    // 4: a second import refuses before reading Flyway's files, and writes nothing
    assert runs[3].contains('migrate:import writes the first revisions of a chain, and db.migrations already holds '
            + '5 revisions. Import into an empty package (delete the revisions an earlier import wrote, or set '
            + '-Dmigrate.packages=<another package>). Nothing was written.')
    assert runs[3].contains('BUILD FAILURE')
    assert dir.list().length == 5

    // 5: the laptop ran V2 before the file was edited: refused, naming the row and both checksums; nothing run
    def laptopChecksum = ItDatabase.query(laptop, "SELECT checksum FROM flyway_schema_history WHERE version = '2'")[0]
    def importedChecksum = flywayChecksums.find { it[0] == '2' }[1]
    assert laptopChecksum != importedChecksum
    assert runs[4].contains("V2 (V2__add_orders.sql, installed_rank 2) was changed after Flyway applied it: "
            + "public.flyway_schema_history holds the checksum ${laptopChecksum} and revision V2 was imported from a "
            + "file whose checksum is ${importedChecksum}. Restore the file as it ran and import again")
    assert runs[4].contains('Nothing was run.') && runs[4].contains('BUILD FAILURE')
    assert ItDatabase.query(laptop, "SELECT to_regclass('migrate_version') IS NULL AND to_regclass('migrate_history') IS NULL") == ['t']
    assert ItDatabase.query(laptop, 'SELECT count(*) FROM flyway_schema_history') == ['2']
    assert ItDatabase.query(laptop, "SELECT to_regclass('customers_email') IS NULL") == ['t']

    // 6: verify: the imported revisions still build what Flyway built; those without an undo are named
    assert runs[5].contains('The imported revisions up to R_repeatable still build what the old tool built.')
    assert runs[5].contains('4 revisions were imported with no downgrade and only upgraded: R_repeatable, V1, V3, V4.')
    assert runs[5].contains('BUILD SUCCESS')
    // 7: V4 edited after the import: verify names the index that differs from what Flyway built, and fails
    assert runs[6].contains('The imported revisions up to R_repeatable no longer build what the old tool built')
    assert runs[6].contains('customers_email')
    assert runs[6].contains('make it in a new revision instead')
    assert runs[6].contains('BUILD FAILURE')
} finally {
    ItDatabase.stop(basedir)
}
true
