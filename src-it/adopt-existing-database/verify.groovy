import dev.migrate.maven.it.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }
    assert written.size() == 1 : "one baseline written, found ${written*.name}"
    def baseline = written[0]
    assert baseline.name ==~ /V\d{8}_\d{6}_Baseline\.java/
    assert baseline.text.contains('op.createTable("customers"')
    assert baseline.text.contains('op.createTable("invoices"')
    def id = (baseline.name =~ /V(\d{8}_\d{6})_/)[0][1]
    def url = 'jdbc:postgresql://localhost:25431/app'
    // stamped, not run: the version table names the baseline and the rows are still there
    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == [id]
    assert ItDatabase.query(url, 'SELECT email FROM customers') == ['ada@example.com']
    assert ItDatabase.query(url, 'SELECT amount FROM invoices') == ['42.50']
    assert !log.contains('Running upgrade')
    assert log.contains('No differences: the entities match the schema at head.')
} finally {
    ItDatabase.stop(basedir)
}
true
