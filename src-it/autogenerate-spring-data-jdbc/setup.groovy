import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25517, 'sdj-pw')

true
