import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25394, 'right-pw')

true
