import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25913, 'unmeasurable-pw')

true
