import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25521, 'quarkus-app-pw')

true
