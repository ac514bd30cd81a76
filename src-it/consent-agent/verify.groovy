import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def url = 'jdbc:postgresql://localhost:25533/app'
    // the upgrade adds and loses nothing: it ran under the agent without consent, and says who ran it
    assert ItDatabase.query(url, "SELECT count(*) FROM migrate_history WHERE direction = 'upgrade'") == ['1']
    assert ItDatabase.query(url, "SELECT applied_by FROM migrate_history") == ['app (agent:claude-code)']
    // three downgrades and a stamp refused: the table, its rows and the version are all still there
    assert ItDatabase.query(url, 'SELECT count(*) FROM accounts') == ['3']
    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['20260101_000001']
    assert ItDatabase.query(url, "SELECT count(*) FROM migrate_history WHERE direction <> 'upgrade'") == ['0']
    def refused = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') && it.contains('Refused: this ') }
    assert refused.count { it.contains(':downgrade (default-cli)') } == 3
    assert log.contains('started by a coding agent (claude-code)')
    assert log.contains('DROP TABLE accounts')
    assert log.contains('To the agent: stop here.')
    assert log =~ /-Dmigrate\.consent=c1-[0-9a-f]+-[0-9a-f]{8}-[0-9a-f]{16}/
    assert refused.count { it.contains(':stamp (default-cli)') } == 1
    assert log.contains('No consent token was given.')
    assert log.contains("'yes' is not a consent token")
    assert log.contains('The consent token given has expired') : 'a token of an hour long past is named so'
    assert !log.contains('consent-pw')
} finally {
    ItDatabase.stop(basedir)
}
true
