import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25437, 'warm-pw')

true
