import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25973, 'drift-pw')
ItDatabase.execute('jdbc:postgresql://localhost:25973/app',
        'CREATE SCHEMA tenant_a AUTHORIZATION app',
        'CREATE SCHEMA tenant_b AUTHORIZATION app',
        'CREATE SCHEMA tenant_c AUTHORIZATION app')
true
