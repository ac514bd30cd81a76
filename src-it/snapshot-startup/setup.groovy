import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25977, 'snapshot-pw')
true
