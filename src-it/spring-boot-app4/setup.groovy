import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25474, 'boot4-secret-pw')

true
