import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def url = 'jdbc:postgresql://localhost:25491/app'

    // without the setting, current and upgrade stop with the setting named first, never with a stamp
    def refusal = 'The database is at revision 20260301_000003, which no migration class defines in this build. ' +
            'If a newer version of the application migrated it (old instances starting during a rolling deploy), ' +
            'set acceptFutureRevisions (-Dmigrate.acceptFutureRevisions=true'
    assert log.contains(':current (default-cli) on project rolling-deploy: ' + refusal)
    assert log.contains(':upgrade (default-cli) on project rolling-deploy: ' + refusal)
    assert log.contains('if the class of 20260301_000003 was deleted, restore it')
    assert !log.toLowerCase().contains('stamp') : 'a stamp is never advised for a database ahead of the build'

    // with it, current reports the revision as newer than this build and exits 0, and upgrade runs nothing
    assert log.count('20260301_000003 (newer than this build: no migration class of it defines this revision)') >= 2 :
            'current and history print the revision as newer than this build'
    assert log.contains('The database is at revision 20260301_000003, which no migration class of this build defines: ' +
            'it is taken as newer than this build (acceptFutureRevisions is set)') : 'checkHeads passes and says why'
    assert log.contains('Nothing to do: the database is at revision 20260301_000003, which no migration class of this ' +
            'build defines, so it is taken as newer than this build (acceptFutureRevisions is set) and nothing was run.')
    assert log.count('BUILD SUCCESS') == 2 : 'the newer upgrade, then current, upgrade and history (one mvn) with the setting'
    assert log.count('BUILD FAILURE') == 2

    // the version table, the history and the schema are as the newer release left them
    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['20260301_000003']
    assert ItDatabase.query(url, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id") ==
            ['20260301_000001 upgrade', '20260301_000002 upgrade', '20260301_000003 upgrade']
    assert ItDatabase.query(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'parcels' " +
            "ORDER BY ordinal_position") == ['id', 'weight', 'status']
    assert !log.contains('rolling-pw')
} finally {
    ItDatabase.stop(basedir)
}
true
