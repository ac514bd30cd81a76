import dev.migrate.testing.ItDatabase
// The databases Flyway migrated before the move: production (app) and a developer's laptop
ItDatabase.start(basedir, 25601, 'flyway-import-pw')
ItDatabase.execute('jdbc:postgresql://localhost:25601/postgres', 'CREATE DATABASE laptop OWNER app')
true
