import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25761, 'serial-pw')
true
