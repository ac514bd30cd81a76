import dev.migrate.testing.ItDatabase

try {
    def log = new File(basedir, 'build.log').text
    ['3.2.12': 'boot32', '3.3.13': 'boot33', '3.4.12': 'boot34', '4.1.2': 'boot41'].each { version, database ->
        // the application ran on that line, migrated by the starter, and used JPA on the migrated table
        assert log.contains("Spring Boot ${version} customers: 1") : version
        def url = "jdbc:postgresql://localhost:25478/${database}?user=postgres"
        assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['20261101_000001'] : database
        assert ItDatabase.query(url, 'SELECT name FROM customer') == ['ada'] : database
    }
    // every line is one the starter takes: none is told it was not tested
    assert !log.contains('The migrate starter is tested on Spring Boot')
} finally {
    ItDatabase.stop(basedir)
}
true
