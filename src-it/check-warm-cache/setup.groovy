import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25437, 'warm-pw')

true
