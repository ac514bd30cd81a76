import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25823, 'fleet-pw')
def app = 'jdbc:postgresql://localhost:25823/app'
ItDatabase.execute(app,
        'CREATE TABLE public.countries (code text PRIMARY KEY)',
        "INSERT INTO public.countries VALUES ('DE'), ('FR')",
        'GRANT SELECT ON public.countries TO app',
        'CREATE SCHEMA tenant_a AUTHORIZATION app',
        'CREATE SCHEMA tenant_b AUTHORIZATION app',
        'CREATE SCHEMA tenant_c AUTHORIZATION app',
        'CREATE SCHEMA unrelated AUTHORIZATION app',
        // tenant_b already has an orders table: its second migration fails there, and only there
        'CREATE TABLE tenant_b.orders (id int)',
        'ALTER TABLE tenant_b.orders OWNER TO app',
        'CREATE DATABASE shop_eu OWNER app',
        'CREATE DATABASE shop_us OWNER app')
for (db in ['shop_eu', 'shop_us']) {
    ItDatabase.execute("jdbc:postgresql://localhost:25823/${db}",
            'CREATE TABLE public.countries (code text PRIMARY KEY)',
            "INSERT INTO public.countries VALUES ('US')",
            'GRANT SELECT ON public.countries TO app')
}
// one database per line; the credentials come from -Dmigrate.user and -Dmigrate.password
new File(basedir, 'databases.txt').text = '''# the tenant databases
jdbc:postgresql://localhost:25823/shop_eu
jdbc:postgresql://localhost:25823/shop_us
jdbc:postgresql://localhost:25823/shop_eu
'''
true
