import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25981, 'online-pw')

true
