import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 54393, 'env-secret-pw')

true
