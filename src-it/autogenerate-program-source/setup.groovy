import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25939, 'program-source-pw')

true
