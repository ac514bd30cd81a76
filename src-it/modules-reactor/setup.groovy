import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25997, 'modules-pw')
true
