import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25471, 'dirty-data-pw')

true
