import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25977, 'snapshot-pw')
true
