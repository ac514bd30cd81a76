import dev.migrate.testing.ItDatabase
try {
    def url = 'jdbc:postgresql://localhost:25913/app'
    def log = new File(basedir, 'build.log').text
    // the differences are listed, as without measurements
    assert log.contains('The entities differ from the schema at head in')
    assert log.contains('column public.vehicles.type: type varchar(20) -> smallint')
    assert log.contains('added check constraint')
    assert log.contains('BUILD FAILURE')
    // the figure PostgreSQL refused is not taken, and the log says why
    assert log.contains('public.vehicles (vehicles_type_check): not measured: PostgreSQL refused to count the rows that would make it fail (operator does not exist: character varying >= integer, SQLSTATE 42883)')
    // the others are taken all the same
    assert log.contains('public.vehicles.name: 1 row holds NULL in name (e.g. the row with id = 2)')
    assert log.contains("public.vehicles.type: 3 values do not convert to smallint (e.g. 'CAR')")
    assert !log.contains('Could not connect')
    assert !log.contains('Could not measure')
    assert !log.contains('unmeasurable-pw')
    // check only reads: the database is as the migration left it, with no scratch schema behind
    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['20260101_000001']
    assert ItDatabase.query(url, "SELECT data_type FROM information_schema.columns WHERE table_name = 'vehicles' AND column_name = 'type'") == ['character varying']
    assert ItDatabase.query(url, 'SELECT count(*) FROM vehicles') == ['3']
    assert ItDatabase.query(url, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'migrate_scratch_%'") == ['0']
    // nothing is written by check
    assert new File(basedir, 'src/main/java/db/migrations').listFiles().size() == 1
} finally {
    ItDatabase.stop(basedir)
}
true
