import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def standby = 'jdbc:postgresql://localhost:25494/app'
    def primary = 'jdbc:postgresql://localhost:25493/app'
    assert ItDatabase.query(standby, 'SELECT pg_is_in_recovery()') == ['t'] : 'the second server is a standby'

    def refusal = 'PostgreSQL at localhost:25494, database app, user app (server address '
    def standbyMessage = 'is a standby server in recovery (pg_is_in_recovery() is true), which is read-only and ' +
            'replays what its primary writes. Point the URL at the primary server. Nothing was run and the version ' +
            'table was not touched.'
    assert log.contains(':upgrade (default-cli) on project standby: Cannot upgrade: ' + refusal)
    assert log.contains(':stamp (default-cli) on project standby: Cannot stamp: ' + refusal)
    assert log.contains(standbyMessage)
    assert !log.contains('read-only transaction') : 'PostgreSQL\'s own message never reaches the user'

    // reading works on the standby
    assert log.contains('The database has no revision applied (it is at base).')
    assert log.contains('-> 20260301_000002 (head), add weight')
    assert log.count('BUILD SUCCESS') == 3 : 'current and history (one mvn), check on the standby, upgrade on the primary'

    // check reads the standby once it replayed the upgrade: the entity side (a check constraint, which needs a
    // server) built on a throwaway one
    assert log.contains('The configured database is only read, since the server is a standby (in recovery)')
    assert log.contains('No differences: the entities match the schema at head.')

    // the primary took the upgrade; the standby, which refused it, has no version table of its own making
    assert ItDatabase.query(primary, 'SELECT version_num FROM migrate_version') == ['20260301_000002']
    assert !log.contains('standby-pw')
} finally {
    ItDatabase.stop(basedir)
}
true
