import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25937, 'sql-files-pw')

true
