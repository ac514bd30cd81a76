import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25971, 'drift-pw')
true
