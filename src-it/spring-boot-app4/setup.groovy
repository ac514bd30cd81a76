import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25474, 'boot4-secret-pw')

true
