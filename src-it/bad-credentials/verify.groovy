import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('localhost:25394')
    assert log.contains('database app')
    assert log.contains('credentials')
    // the password is named where it was set: the URL, and where the URL came from
    assert log.contains('Fix the password in the URL (it came from the environment variable DATABASE_URL), or the user name.')
    assert !log.contains('wrong-pw-31337')
} finally {
    ItDatabase.stop(basedir)
}
true
