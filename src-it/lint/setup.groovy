import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25481, 'lint-pw')
true
