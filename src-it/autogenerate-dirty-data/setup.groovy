import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25457, 'dirty-data-pw')

true
