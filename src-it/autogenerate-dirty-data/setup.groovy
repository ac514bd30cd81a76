import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25457, 'dirty-data-pw')

true
