import dev.migrate.maven.it.ItDatabase

try {
    def url = 'jdbc:postgresql://localhost:25474/app'
    def log = new File(basedir, 'build.log').text
    // the application really ran on Spring Boot 4
    assert log.count('Spring Boot 4.0.') == 2
    // 2: validate mode refuses to start an application whose database is behind head
    assert log.contains("The database is not at head: it is at base (no revision applied) while the migrations' heads are 20261101_000004.")
    // 3: the chain ran at startup, the bean migration with its injected names, before JPA validated the entities
    assert log.contains('Running upgrade <base> -> 20261101_000001, create customer')
    assert log.contains('Running upgrade 20261101_000003 -> 20261101_000004, seed customers')
    assert log.contains('Shop saw 20261101_000004 upgrade')
    assert log.count('Customers: ada, grace') == 2 : 'both successful starts reached the application'
    assert log.count('Orders: 0') == 2
    // 4: the second start ran nothing
    assert log.contains('Nothing to do: the database is already at 20261101_000004.')
    assert log.count('Running upgrade') == 4
    assert !log.contains('boot4-secret-pw')

    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['20261101_000004']
    assert ItDatabase.query(url, "SELECT revision || ':' || direction FROM migrate_history ORDER BY id") ==
            ['20261101_000001:upgrade', '20261101_000002:upgrade', '20261101_000003:upgrade', '20261101_000004:upgrade']
    assert ItDatabase.query(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1") ==
            ['customer', 'migrate_history', 'migrate_version', 'purchase_order']
    assert ItDatabase.query(url, 'SELECT name FROM customer ORDER BY name') == ['ada', 'grace']
} finally {
    ItDatabase.stop(basedir)
}
true
