import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25394, 'right-pw')

true
