import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 25837, 'diagram-pw')

true
