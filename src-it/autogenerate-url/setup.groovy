import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25411, 'url-secret-pw')

true
