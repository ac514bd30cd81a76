import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('localhost:25394')
    assert log.contains('database app')
    assert log.contains('credentials')
    assert !log.contains('wrong-pw-31337')
} finally {
    ItDatabase.stop(basedir)
}
true
