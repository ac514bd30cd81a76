import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25913, 'unmeasurable-pw')

true
