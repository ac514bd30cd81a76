import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25481, 'lint-pw')
true
