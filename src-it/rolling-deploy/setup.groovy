import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25491, 'rolling-pw')

true
