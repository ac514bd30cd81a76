import dev.migrate.testing.ItDatabase
// the live database the migrations are applied to, empty: the first migration builds it
ItDatabase.start(basedir, 25947, 'objects-pw')
// the schemas of a fleet of tenants, for the same chain later
ItDatabase.execute('jdbc:postgresql://localhost:25947/app',
        'CREATE SCHEMA tenant_a AUTHORIZATION app',
        'CREATE SCHEMA tenant_b AUTHORIZATION app',
        'CREATE SCHEMA tenant_c AUTHORIZATION app')
true
