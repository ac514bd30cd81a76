import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 54411, 'url-secret-pw')

true
