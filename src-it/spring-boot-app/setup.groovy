import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25471, 'boot-secret-pw')

true
