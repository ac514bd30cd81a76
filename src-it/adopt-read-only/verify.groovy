import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles()
            .findAll { it.name.endsWith('.java') }
    assert written.size() == 1 : "the baseline alone, found ${written*.name}"
    def baseline = written[0]
    def id = (baseline.name =~ /V(\d{8}_\d{6})_/)[0][1]
    def b = baseline.text
    ['fleets', 'vehicles', 'bookings'].each { assert b.contains("op.createTable(\"${it}\"") : b }
    // the check Hibernate writes for an enum, read from the adopted database, written as one types it
    assert b.contains('kind IN (\'CAR\', \'TRUCK\')') : b
    assert log.contains("Wrote ${baseline.path} (revision ${id}, 3 tables")
    assert !log.contains('read-only transaction')
    assert !log.contains('ro-pw')

    // a new database built from the baseline has the adopted catalog, letter for letter
    def app = 'jdbc:postgresql://localhost:25751/app'
    def fresh = 'jdbc:postgresql://localhost:25751/fresh'
    def catalog = [
        columns: '''SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                           pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, a.attislocal
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                    AND c.relname NOT LIKE 'migrate\\_%' AND a.attnum > 0 AND NOT a.attisdropped
                    ORDER BY c.relname, a.attnum''',
        constraints: '''SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE 'migrate\\_%'
                        ORDER BY 1, 2''',
        indexes: '''SELECT indexname, indexdef FROM pg_indexes
                    WHERE schemaname = 'public' AND tablename NOT LIKE 'migrate\\_%' ORDER BY 1''',
        types: '''SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t
                  JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = 'public'::regnamespace GROUP BY 1''',
    ]
    catalog.each { part, sql ->
        def adopted = ItDatabase.rows(app, sql)
        assert !adopted.isEmpty() : part
        assert ItDatabase.rows(fresh, sql) == adopted : "${part} differ"
    }
    assert ItDatabase.query(app, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'vehicles_kind_check'") ==
            ["CHECK (((kind)::text = ANY ((ARRAY['CAR'::character varying, 'TRUCK'::character varying])::text[])))"]

    // the read-only role reads the version table and compares: the entity side on a throwaway server
    assert log.contains("${id} (head)")
    assert log.contains('The configured database is only read, since the session is read only')
    // one difference, measured on the rows by the role that only reads; the checks compare alike
    assert log.contains('The entities differ from the schema at head in 1 way')
    assert log.contains('column public.vehicles.price: NULL -> NOT NULL')
    assert log.contains('1 row holds NULL in price (e.g. the row with id = 2)')
    assert !log.contains('check constraint')
    assert new File(basedir, 'target/migrate/diagram/schema.svg').isFile()
    // nothing was left on the adopted database by the role that only reads
    assert ItDatabase.query(app, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'migrate\\_%' "
            + "OR nspname LIKE 'pg\\_temp\\_%'") == []
    assert ItDatabase.query(app, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1") ==
            ['bookings', 'fleets', 'migrate_history', 'migrate_version', 'vehicles']
    assert ItDatabase.query(app, 'SELECT version_num FROM migrate_version') == [id]
} finally {
    ItDatabase.stop(basedir)
}
true
