import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles()
            .findAll { it.name.endsWith('.java') }.sort { it.name }
    assert written.size() == 2 : "the baseline and the way to the entities, found ${written*.name}"
    def (baseline, gap) = written
    assert baseline.name ==~ /V\d{8}_\d{6}_Baseline\.java/
    assert gap.name ==~ /V\d{8}_\d{6}_PhoneAndCoupons\.java/
    def baselineId = (baseline.name =~ /V(\d{8}_\d{6})_/)[0][1]
    def gapId = (gap.name =~ /V(\d{8}_\d{6})_/)[0][1]

    // the baseline is the database as it was: the table no entity maps too, serial keys written as serial
    def b = baseline.text
    assert b.contains("@Revision(id = \"${baselineId}\", message = \"baseline\")") : b
    assert b.contains('migrate:baseline') && b.contains("mvn migrate:stamp -Dmigrate.target=${baselineId}") : b
    ['customers', 'orders', 'audit_log'].each { table ->
        assert b.contains("op.createTable(\"${table}\"") : b
        assert b.contains("op.dropTable(\"${table}\")") : b
    }
    assert b.contains('column("id", "bigserial").primaryKey()') && b.contains('column("id", "serial").primaryKey()') : b
    assert b.contains('op.commentOnTable("audit_log", "Written by the nightly job, read by the auditors")') : b
    assert b.contains('op.createIndex("orders_customer_id_idx", "orders", "customer_id")') : b
    // the objects beside the tables, after the tables they use, the trigger after its function
    int fn = b.indexOf('op.createObject(ObjectKind.FUNCTION, "trim_entry()"')
    int trigger = b.indexOf('op.createObject(ObjectKind.TRIGGER, "audit_log_trim ON audit_log"')
    int view = b.indexOf('op.createObject(ObjectKind.VIEW, "big_orders"')
    assert fn > 0 && trigger > fn && view > b.indexOf('op.createTable("orders"') : b
    assert b.contains("COMMENT ON VIEW big_orders IS 'For the auditors';") : b
    assert !b.contains('Not written here') : b
    assert log.contains("Wrote ${new File(basedir, 'src/main/java/db/migrations/' + baseline.name).path} (revision ${baselineId}, 3 tables")

    // the way to the entities is a normal migration: the new column and table; the keys stay serial (they number
    // alike), and the table no entity maps is left alone (exclude)
    def g = gap.text
    assert g.contains("revises = \"${baselineId}\"") : g
    assert g.contains('op.addColumn("customers", column("phone", "varchar(30)"))') : g
    assert g.contains('op.createTable("coupons"') : g
    assert !g.contains('audit_log') : g
    assert !(g =~ /addIdentity|dropDefault|alterColumnDefault|dropSequence|setval/) : g
    assert log.contains('Detected added column public.customers.phone')
    assert log.contains('Detected added table public.coupons')

    // the adopted database: stamped at the baseline (not run there), then upgraded; no row lost
    def app = 'jdbc:postgresql://localhost:25743/app'
    assert ItDatabase.query(app, 'SELECT version_num FROM migrate_version') == [gapId]
    assert ItDatabase.query(app, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id") ==
            ["${baselineId} stamp", "${gapId} upgrade"]*.toString()
    assert ItDatabase.query(app, 'SELECT count(*) FROM customers') == ['1000']
    assert ItDatabase.query(app, 'SELECT count(*) FROM orders') == ['5000']
    assert ItDatabase.query(app, 'SELECT count(*) FROM audit_log') == ['250']
    // numbering goes on: no duplicate key, past the rows that were there
    assert ItDatabase.query(app, "INSERT INTO customers (email, phone) VALUES ('new@example.com', '+1 555') "
            + 'RETURNING id')*.toLong() == [1001L]
    assert ItDatabase.query(app, 'INSERT INTO orders (customer_id, amount) VALUES (1001, 10) RETURNING id')*.toLong() == [5001L]
    assert ItDatabase.query(app, "INSERT INTO audit_log (entry) VALUES ('adopted') RETURNING id")*.toLong() == [251L]
    assert ItDatabase.query(app, "INSERT INTO coupons (code, percent_off) VALUES ('WELCOME', 10) RETURNING id")*.toLong() == [1L]

    // a new database built from the chain, taken down to base and up again, has the adopted one's catalog
    def fresh = 'jdbc:postgresql://localhost:25743/fresh'
    assert ItDatabase.query(fresh, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id") ==
            ["${baselineId} upgrade", "${gapId} upgrade", "${gapId} downgrade", "${baselineId} downgrade",
             "${baselineId} upgrade", "${gapId} upgrade"]*.toString()
    def catalog = [
        columns: '''SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision,
                           numeric_scale, is_nullable, column_default, is_identity, identity_generation
                    FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE 'migrate_%'
                    ORDER BY table_name, ordinal_position''',
        constraints: '''SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE 'migrate_%'
                        ORDER BY 1, 2''',
        indexes: '''SELECT tablename, indexname, indexdef FROM pg_indexes
                    WHERE schemaname = 'public' AND tablename NOT LIKE 'migrate_%' ORDER BY 1, 2''',
        sequences: '''SELECT sequencename, data_type, start_value, min_value, max_value, increment_by, cycle
                      FROM pg_sequences WHERE schemaname = 'public' AND sequencename NOT LIKE 'migrate_%'
                      ORDER BY 1''',
        owners: '''SELECT s.relname, t.relname, a.attname, d.deptype FROM pg_depend d
                   JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
                   JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
                   WHERE d.deptype IN ('a', 'i') AND t.relnamespace = 'public'::regnamespace
                   AND t.relname NOT LIKE 'migrate_%' ORDER BY 1''',
        comments: '''SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c
                     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                     AND c.relname NOT LIKE 'migrate_%' ORDER BY 1''',
        views: '''SELECT c.relname, pg_get_viewdef(c.oid), obj_description(c.oid, 'pg_class') FROM pg_class c
                  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v' ORDER BY 1''',
        functions: '''SELECT pg_get_functiondef(p.oid) FROM pg_proc p
                      WHERE p.pronamespace = 'public'::regnamespace ORDER BY p.proname''',
        triggers: '''SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t
                     JOIN pg_class c ON c.oid = t.tgrelid
                     WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal ORDER BY 1''',
    ]
    catalog.each { part, sql ->
        def built = ItDatabase.rows(fresh, sql)
        def adopted = ItDatabase.rows(app, sql)
        assert built == adopted : "the ${part} of a database built from the chain differ from the adopted one's: " +
                "only there ${built - adopted}, only in the adopted one ${adopted - built}"
        assert adopted : "the adopted database has ${part}"
    }
    assert log.count('No differences: the entities match the schema at head.') == 2

    // the chain round-trips on a database of its own, and matches the entities at head
    assert log.contains('Verified downgrade to base: nothing left but the version tables.')
    assert log.contains('Verified 2 revisions: every step round-trips and the head matches the entities.')
} finally {
    ItDatabase.stop(basedir)
}
true
