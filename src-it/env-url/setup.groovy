import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25393, 'env-secret-pw')

true
