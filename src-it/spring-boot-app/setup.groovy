import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25471, 'boot-secret-pw')

true
