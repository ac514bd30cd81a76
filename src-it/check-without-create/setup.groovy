import dev.migrate.testing.ItDatabase

// a shared database the CI role may use but not create schemas in, as on many company servers
ItDatabase.start(basedir, 25463, 'shared-pw')
ItDatabase.execute('jdbc:postgresql://localhost:25463/postgres', 'CREATE DATABASE shared')
ItDatabase.execute('jdbc:postgresql://localhost:25463/shared', 'GRANT USAGE, CREATE ON SCHEMA public TO app')
true
