import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25971, 'drift-pw')
true
