import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25533, 'consent-pw')

true
