import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('[DEBUG]') : 'the builds ran with -X'
    assert log.count('(f) password = (set, not shown)') == 2 : 'the password field is listed without its value'
    assert log.count('(f) url = (set, not shown)') == 4 : 'the URL field is listed without its value'
    // Maven itself prints, under -X, its command line, its properties and the effective pom; those lines
    // hold what the user typed or wrote there. Every other line, the plugin's above all, must not.
    def mavenOwn = { String line ->
        line.contains('-Dmigrate.') || line.contains('-Ddb.password') || line.startsWith('[DEBUG] migrate.url: ') ||
                line.startsWith('[DEBUG] migrate.password: ') || line.startsWith('[DEBUG] db.password: ') ||
                line.trim().startsWith('<password>')
    }
    def leaks = log.readLines().findAll { !mavenOwn(it) && (it.contains('s3cr+t') || it.contains('s3cr%2Bt')) }
    assert leaks.isEmpty() : "no password outside Maven's own dumps: ${leaks}"
    assert log.count('20260101_000002 (head)') == 3 : 'each way of giving the password connected'
    assert ItDatabase.query('jdbc:postgresql://localhost:25396/app', 'SELECT version_num FROM migrate_version') == ['20260101_000002']
} finally {
    ItDatabase.stop(basedir)
}
true
