import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 54394, 'right-pw')

true
