import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25411, 'url-secret-pw')

true
