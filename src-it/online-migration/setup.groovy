import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25981, 'online-pw')

true
