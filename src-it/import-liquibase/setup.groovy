import dev.migrate.testing.ItDatabase
// production, which Liquibase updated before the move, and a reference database it updates to the end
ItDatabase.start(basedir, 25602, 'liquibase-import-pw')
ItDatabase.execute('jdbc:postgresql://localhost:25602/postgres', 'CREATE DATABASE reference OWNER app')
true
