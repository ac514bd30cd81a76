import dev.migrate.testing.ItDatabase

try {
    def log = new File(basedir, 'build.log').text
    def props = new Properties()
    new File(basedir, binding.variables.linesFile ?: 'invoker.properties').withInputStream { props.load(it) }
    def lines = props.findAll { it.key.startsWith('invoker.goals') }.collect { it.value }
    assert lines.size() == 2
    lines.each { goals ->
        def version = (goals =~ /-Dboot\.version=(\S+)/)[0][1]
        def database = (goals =~ /localhost:25478\/(\w+)/)[0][1]
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
