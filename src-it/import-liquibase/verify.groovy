import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
    assert runs.size() == 3 : "three Maven runs, found ${runs.size()}"
    def app = 'jdbc:postgresql://localhost:25602/app'
    def reference = 'jdbc:postgresql://localhost:25602/reference'

    // 1: the real Liquibase left production at the tag v1, the reference database at the end of the changelog
    assert runs[0].contains('Liquibase: Update-to-tag has been successful.')
    assert ItDatabase.query(reference, 'SELECT count(*) FROM databasechangelog') == ['7']

    // 2: the import proved the chain against Liquibase's own update, then wrote one revision per changeset, in the
    // changelog's order across the YAML, XML and formatted SQL files
    assert runs[1].contains('Proved: Liquibase and the 7 written revisions build the same schema public on PostgreSQL ')
    assert runs[1].contains('Wrote 7 revisions imported from Liquibase (db/changelog/master.yaml) into '
            + 'src/main/java, L0001_create_customer to L0007_customer_names, and ')
    assert runs[1] =~ /and \d+ declared object files? of what it builds beside the tables\./
    // the runOnChange view, with what else the changelog builds beside the tables, is a declared object from now on
    def declared = new File(basedir, 'src/main/resources/db/objects/liquibase/view/public.customer_names.sql')
    assert declared.isFile() && declared.text.contains('CREATE OR REPLACE VIEW public.customer_names') : declared
    // the included files check no precondition, and none is reported
    assert !runs[1].contains('precondition')
    def dir = new File(basedir, 'src/main/java/db/migrations')
    def written = dir.listFiles()*.name.sort()
    assert written.size() == 7 : written
    def ids = ['L0001_create_customer', 'L0002_customer_email', 'L0003_seed_customers', 'L0004_release_1',
               'L0005_orders_1', 'L0006_orders_2', 'L0007_customer_names']
    // a changeset without a comment names its class by its id alone; one with a comment adds it
    def named = { String file, String id -> file == id + '.java' || file.startsWith(id + '_') }
    ids.eachWithIndex { id, i -> assert named(written[i], id) : written }
    assert written.contains('L0002_customer_email.java') && written.contains('L0001_create_customer_PeopleWhoBuy.java') : written
    def source = { String id -> new File(dir, written.find { named(it, id) }).text }
    // each revision carries the changeset's identity and the MD5SUM Liquibase recorded for it on the reference
    def changelog = ItDatabase.rows(reference,
            'SELECT filename, id, author, md5sum FROM databasechangelog ORDER BY orderexecuted')
    changelog.eachWithIndex { row, i ->
        def (file, id, author, md5sum) = row
        def text = source(ids[i])
        assert text.contains("key = \"${file}::${id}::${author}\"") : text
        assert text.contains("checksums = {\"${md5sum}\", \"8:") : text
        assert text.contains("message = \"changeset ${id} by ${author} (Liquibase ${file})\"") : text
    }
    assert changelog*.get(0).unique() == ['db/changelog/changes/001-customers.xml', 'db/changelog/master.yaml',
                                          'db/changelog/changes/002-orders.sql']
    // the XML changeset's rollback block, in its order; the formatted SQL's --rollback; the derived rollback
    def email = source('L0002_customer_email')
    assert email.indexOf('op.execute("DROP INDEX public.customer_email_idx")') <
            email.indexOf('op.execute("ALTER TABLE public.customer DROP COLUMN email")') : email
    assert email.indexOf('public void downgrade') < email.indexOf('DROP INDEX') : email
    assert source('L0003_seed_customers').contains("op.execute(\"DELETE FROM customer WHERE name IN ('ada', 'grace')\")")
    def orders = source('L0005_orders_1')
    assert orders.contains('CREATE TABLE purchase_order (') && orders.contains('op.execute("DROP TABLE purchase_order")') : orders
    assert source('L0001_create_customer').contains('op.execute("DROP TABLE public.customer")')
    // the tag, said where rollback-to-tag users look for it
    assert source('L0004_release_1').contains('It tags the database v1 (tagDatabase).')
    // runOnChange: compared as every object is from now on
    def view = source('L0007_customer_names')
    assert view.contains('repeatable = true') && view.contains('CREATE OR REPLACE VIEW public.customer_names') : view

    // 3: production moved in: the four changesets up to the tag marked as Liquibase ran them, the rest run once;
    // Liquibase's tables read and left as they were
    def upgrade = runs[2]
    assert upgrade.contains('Moved in from Liquibase: 4 revisions it applied (public.databasechangelog, read and left '
            + 'as it is) marked as applied, up to L0004_release_1.')
    assert upgrade.count('Running upgrade') == 3 : upgrade
    assert upgrade.contains('Running upgrade L0004_release_1 -> L0005_orders_1, changeset orders-1 by bob '
            + '(Liquibase db/changelog/changes/002-orders.sql)')
    assert upgrade.contains('Running upgrade L0006_orders_2 -> L0007_customer_names')
    assert upgrade.contains('BUILD SUCCESS')
    assert ItDatabase.query(app, 'SELECT version_num FROM migrate_version') == ['L0007_customer_names']
    assert ItDatabase.query(app, "SELECT revision || ' ' || direction || ' ' || applied_by FROM migrate_history ORDER BY id") ==
            ids.take(4).collect { "${it} imported app (Liquibase)".toString() } +
            ids.drop(4).collect { "${it} upgrade app".toString() }
    assert ItDatabase.query(app, '''SELECT count(*) FROM migrate_history WHERE direction = 'imported' AND applied_at IN
            (SELECT dateexecuted AT TIME ZONE current_setting('TimeZone') FROM databasechangelog)''') == ['4']
    assert ItDatabase.query(app, "SELECT string_agg(id, ',' ORDER BY orderexecuted) FROM databasechangelog") ==
            ['create-customer,customer-email,seed-customers,release-1']
    assert ItDatabase.query(app, "SELECT tag FROM databasechangelog WHERE tag IS NOT NULL") == ['v1']
    assert ItDatabase.query(app, 'SELECT count(*) FROM databasechangeloglock') == ['1']
    // production's rows kept, and the view reads them
    assert ItDatabase.query(app, 'SELECT name FROM customer_names ORDER BY id') == ['ADA', 'GRACE']
    def history = upgrade.substring(upgrade.indexOf(':history (default-cli)'))
    assert history =~ /<base> -> L0001_create_customer, changeset create-customer by alice \(Liquibase db\/changelog\/changes\/001-customers\.xml\) \[applied \S+ by app \(Liquibase\)\]/
    assert history =~ /L0004_release_1 -> L0005_orders_1, .* \[applied \S+ by app in \d+ ms\]/

    // production, moved in, has the schema Liquibase alone gives the reference database
    def catalog = [
        columns: '''SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision,
                           numeric_scale, is_nullable, column_default, is_identity
                    FROM information_schema.columns WHERE table_schema = 'public'
                    AND table_name NOT LIKE 'migrate\\_%' AND table_name NOT LIKE 'databasechangelog%'
                    ORDER BY table_name, ordinal_position''',
        constraints: '''SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE 'migrate\\_%'
                        AND conrelid::regclass::text NOT LIKE 'databasechangelog%' ORDER BY 1, 2''',
        indexes: '''SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
                    AND tablename NOT LIKE 'migrate\\_%' AND tablename NOT LIKE 'databasechangelog%' ORDER BY 1, 2''',
        views: '''SELECT c.relname, pg_get_viewdef(c.oid) FROM pg_class c
                  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v' ORDER BY 1''',
        comments: '''SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c
                     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname NOT LIKE 'migrate\\_%'
                     ORDER BY 1''',
        rows: '''SELECT id::text, name, coalesce(email, '-') FROM customer ORDER BY id''',
    ]
    catalog.each { part, sql ->
        def movedIn = ItDatabase.rows(app, sql)
        def byLiquibase = ItDatabase.rows(reference, sql)
        assert movedIn == byLiquibase : "the ${part} of production after the move differ from Liquibase's: " +
                "only there ${movedIn - byLiquibase}, only in Liquibase's ${byLiquibase - movedIn}"
        assert movedIn : "production has ${part}"
    }
    assert ItDatabase.query(app, "SELECT indexname FROM pg_indexes WHERE tablename = 'purchase_order' ORDER BY 1") ==
            ['purchase_order_customer_idx', 'purchase_order_pkey']
} finally {
    ItDatabase.stop(basedir)
}
true
