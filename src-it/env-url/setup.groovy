import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25393, 'env-secret-pw')

true
