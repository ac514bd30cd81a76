import dev.migrate.testing.ItDatabase

// one database per line, so that each line's start migrates from nothing
ItDatabase.start(basedir, 25478, 'lines-secret-pw')
ItDatabase.execute('jdbc:postgresql://localhost:25478/postgres?user=postgres',
        'CREATE DATABASE boot32 OWNER app', 'CREATE DATABASE boot33 OWNER app', 'CREATE DATABASE boot34 OWNER app',
        'CREATE DATABASE boot41 OWNER app')
true
