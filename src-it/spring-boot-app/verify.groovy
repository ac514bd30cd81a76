import dev.migrate.testing.ItDatabase
import java.util.concurrent.TimeUnit
import java.util.zip.ZipFile

try {
    def url = 'jdbc:postgresql://localhost:25471/app'
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
    assert runs.size() == 7
    // a failed start is reported as Spring Boot reports one, not with the application's stack trace (Maven's
    // own, of the failed spring-boot:run under -e, is not the application's)
    def failureAnalysis = { String run ->
        assert run.contains('APPLICATION FAILED TO START')
        assert run.contains('Description:')
        assert run.contains('Action:')
        def trace = run.readLines().findAll {
            it ==~ /\s+at (dev\.migrate|org\.springframework\.(?!boot\.maven)|com\.zaxxer|org\.postgresql|org\.hibernate)\..*/
        }
        assert trace.isEmpty() : trace.take(5).join('\n')
    }
    // 2: validate mode refuses to start an application whose database is behind head, and says how to upgrade it
    failureAnalysis(runs[1])
    assert runs[1].contains("The database is not at head: it is at base (no revision applied) while the migrations' heads are "
            + "20261101_000004. migrate.mode=validate checks the database at startup and changes nothing.")
    assert runs[1].contains('Upgrade this database before the application starts: mvn migrate:upgrade '
            + '-Dmigrate.url=jdbc:postgresql://localhost:25471/app -Dmigrate.user=app (the password: -Dmigrate.password, '
            + 'or a settings.xml <server> named by -Dmigrate.serverId). Or set migrate.mode=upgrade to upgrade it at startup.')
    // 3: a rejected password names the server, the user and the file and line where the password is set
    failureAnalysis(runs[2])
    assert runs[2].contains('PostgreSQL at localhost:25471, database app, rejected the credentials of user app.')
    assert runs[2].contains('Fix the password in spring.datasource.password in application-wrong-password.properties line 1, '
            + 'or the user name.')
    assert !log.contains('not-the-password')
    // 4: a broken chain: the engine's message, and the packages the chain is read from
    failureAnalysis(runs[3])
    assert runs[3].contains('revises 20261101_000003, but no migration class defines revision 20261101_000003.')
    assert runs[3].contains('mvn migrate:history shows the chain the application reads from migrate.packages '
            + '(com.example.shop.db.failing).')
    // 7: a failing migration: the engine's message (the statement, SQLSTATE, rolled back), and the migration to fix
    failureAnalysis(runs[6])
    assert runs[6].contains('Migration 20261101_000005 (insert into a table that is not there) failed during upgrade.')
    assert runs[6].contains('42P01')
    assert runs[6].contains('Fix migration 20261101_000005 (or the data it failed on) and start the application again')
    // 5: the chain ran at startup (its first migrations from the library jar), the bean migration with
    // its injected names, before JPA validated the entities
    assert log.contains('Running upgrade <base> -> 20261101_000001, create customer')
    assert log.contains('Running upgrade 20261101_000003 -> 20261101_000004, seed customers')
    assert log.contains('Shop saw 20261101_000004 upgrade')
    assert log.count('Customers: ada, grace') == 2 : 'both successful starts reached the application'
    assert log.count('Orders: 0') == 2
    // 6: the second start ran nothing
    assert log.contains('Nothing to do: the database is already at 20261101_000004.')
    assert log.count('Running upgrade') == 5 : 'four at the first successful start, then the failing one'
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
