import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25491, 'rolling-pw')

true
