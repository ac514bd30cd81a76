import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25603, 'switch-secret-pw')
true
