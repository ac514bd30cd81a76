import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25489, 'at-head-pw')
true
