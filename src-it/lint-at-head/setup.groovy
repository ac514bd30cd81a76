import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25489, 'at-head-pw')
true
