import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25761, 'serial-pw')
true
