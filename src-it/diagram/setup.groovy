import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25837, 'diagram-pw')

true
