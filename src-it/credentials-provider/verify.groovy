import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def given = new File(basedir, 'target/rotated-passwords.txt').readLines()

    for (db in ['app', 'shop_eu', 'shop_us']) {
        def url = "jdbc:postgresql://localhost:25887/${db}"
        assert ItDatabase.query(url, 'SELECT version_num FROM public.migrate_version') == ['20260101_000002'] : db
        assert ItDatabase.query(url, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'orders'") == ['1'] : db
    }
    // one password for each connection: the one database's run opens two or more, each database of the fleet too
    assert given.size() >= 6 : given.size()
    assert given.unique(false).size() == given.size()
    // a password worked only until the next was asked for: the first one opens nothing now
    def refused = false
    try {
        java.sql.DriverManager.getConnection('jdbc:postgresql://localhost:25887/app', 'app', given[0]).close()
    } catch (java.sql.SQLException expected) {
        refused = true
    }
    assert refused
    given.each { assert !log.contains(it) : 'a password in the log' }
    assert !log.contains('initial-pw-5150')

    assert log.contains('No credentials provider named creds.RotatingPasswrd is on the class path')
    assert log.contains('-Dmigrate.credentialsProvider (<credentialsProvider>) names it')
    true
} finally {
    ItDatabase.stop(basedir)
}
