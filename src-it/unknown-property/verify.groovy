import dev.migrate.testing.ItDatabase

def log = new File(basedir, 'build.log').text
def pgdata = new File(basedir, 'target/migrate/pgdata')
def db = { String sql -> ItDatabase.queryEmbedded(pgdata, sql) }

// the misspelt target is named with the property it was meant to be, and nothing was downgraded
assert log.contains('-Dmigrate.taget is not a parameter of migrate:downgrade nor of any other goal of this plugin, '
        + 'so it would be ignored. Did you mean migrate.target? Nothing was run.')
assert log.contains('-Dmigrate.safe is a parameter of migrate:autogenerate and migrate:watch, not of migrate:upgrade, so it would be ignored. Remove it, or run migrate:autogenerate or migrate:watch in the same command.')
assert log.contains('<lockTimout> in the plugin\'s <configuration> is not a parameter of any goal of this plugin, '
        + 'so it would be ignored. Did you mean <lockTimeout>?')
// no failing invocation reached a database: the embedded server started for the two that ran, no more
assert log.count('this goal uses an embedded PostgreSQL') == 3 : 'upgrade, then upgrade and current of the last command'
assert db('SELECT version_num FROM migrate_version') == ['20260101_000002']
assert db("SELECT count(*) FROM migrate_history WHERE direction = 'downgrade'") == ['0']
true
