import dev.migrate.maven.it.ItDatabase
import java.util.concurrent.TimeUnit
import java.util.zip.ZipFile

try {
    def url = 'jdbc:postgresql://localhost:25471/app'
    def log = new File(basedir, 'build.log').text
    // 2: validate mode refuses to start an application whose database is behind head
    assert log.contains("The database is not at head: it is at base (no revision applied) while the migrations' heads are 20261101_000004.")
    // 3: the chain ran at startup (its first migrations from the library jar), the bean migration with
    // its injected names, before JPA validated the entities
    assert log.contains('Running upgrade <base> -> 20261101_000001, create customer')
    assert log.contains('Running upgrade 20261101_000003 -> 20261101_000004, seed customers')
    assert log.contains('Shop saw 20261101_000004 upgrade')
    assert log.count('Customers: ada, grace') == 2 : 'both successful starts reached the application'
    assert log.count('Orders: 0') == 2
    // 4: the second start ran nothing
    assert log.contains('Nothing to do: the database is already at 20261101_000004.')
    assert log.count('Running upgrade') == 4
    assert !log.contains('boot-secret-pw')

    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['20261101_000004']
    assert ItDatabase.query(url, "SELECT revision || ':' || direction FROM migrate_history ORDER BY id") ==
            ['20261101_000001:upgrade', '20261101_000002:upgrade', '20261101_000003:upgrade', '20261101_000004:upgrade']
    assert ItDatabase.query(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1") ==
            ['customer', 'migrate_history', 'migrate_version', 'purchase_order']
    assert ItDatabase.query(url, "SELECT column_name || ' ' || data_type FROM information_schema.columns "
            + "WHERE table_name = 'customer' ORDER BY ordinal_position") ==
            ['id bigint', 'name character varying', 'email character varying']
    assert ItDatabase.query(url, 'SELECT name FROM customer ORDER BY name') == ['ada', 'grace']

    // Production: java -jar on the executable jar, whose migrations are read through Spring Boot's
    // nested jar URLs (jar:nested:...!BOOT-INF/classes/!/... and ...!BOOT-INF/lib/shop-migrations-1.0.jar!/...)
    def jar = new File(basedir, 'shop/target/spring-boot-app-1.0.jar')
    def entries = new ZipFile(jar).withCloseable { zip -> zip.entries().collect { it.name } }
    assert entries.contains('BOOT-INF/classes/com/example/shop/db/migrations/V20261101_000004_SeedCustomers.class')
    assert entries.contains('BOOT-INF/lib/shop-migrations-1.0.jar')
    assert !entries.any { it.startsWith('BOOT-INF/classes/com/example/shop/db/migrations/V20261101_000001') }

    ItDatabase.execute(url, 'CREATE DATABASE production OWNER app')
    def prodUrl = 'jdbc:postgresql://localhost:25471/production'
    def java = new File(System.getProperty('java.home'), 'bin/java').path
    def start = { String name ->
        def out = new File(basedir, name)
        def process = new ProcessBuilder(java, '-XX:TieredStopAtLevel=1', '-jar', jar.path,
                '--spring.datasource.url=' + prodUrl)
                .directory(new File(basedir, 'shop'))
                .redirectErrorStream(true)
                .redirectOutput(out)
                .start()
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            assert false : "java -jar did not end within 4 minutes; see ${out}"
        }
        assert process.exitValue() == 0 : out.text
        out.text
    }
    def first = start('java-jar-1.log')
    assert first.contains('Running upgrade <base> -> 20261101_000001, create customer')
    assert first.contains('Running upgrade 20261101_000002 -> 20261101_000003, add customer email')
    assert first.contains('Running upgrade 20261101_000003 -> 20261101_000004, seed customers')
    assert first.count('Running upgrade') == 4
    assert first.contains('Customers: ada, grace')
    def second = start('java-jar-2.log')
    assert second.contains('Nothing to do: the database is already at 20261101_000004.')
    assert !second.contains('Running upgrade')
    assert second.contains('Customers: ada, grace')

    assert ItDatabase.query(prodUrl, 'SELECT version_num FROM migrate_version') == ['20261101_000004']
    assert ItDatabase.query(prodUrl, "SELECT revision || ':' || direction FROM migrate_history ORDER BY id") ==
            ['20261101_000001:upgrade', '20261101_000002:upgrade', '20261101_000003:upgrade', '20261101_000004:upgrade']
    assert ItDatabase.query(prodUrl, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1") ==
            ['customer', 'migrate_history', 'migrate_version', 'purchase_order']
    assert ItDatabase.query(prodUrl, 'SELECT name FROM customer ORDER BY name') == ['ada', 'grace']
} finally {
    ItDatabase.stop(basedir)
}
true
