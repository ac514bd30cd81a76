import dev.migrate.testing.ItDatabase
import groovy.json.JsonSlurper

try {
    def url = 'jdbc:postgresql://localhost:25474/app'
    def log = new File(basedir, 'build.log').text
    // the application really ran on Spring Boot 4
    assert log.count('Spring Boot 4.0.') == 3
    def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
    assert runs.size() == 7
    // a failed start is reported as Spring Boot reports one, not with the application's stack trace
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
    assert runs[1].contains('mvn migrate:upgrade -Dmigrate.url=jdbc:postgresql://localhost:25474/app -Dmigrate.user=app')
    // 3: nothing listens there: the server, the user, and the file and line the URL came from
    failureAnalysis(runs[2])
    assert runs[2].contains('Could not connect to PostgreSQL at localhost:1, database app, user app: ')
    assert runs[2].contains('Start the server, or fix the URL (it came from spring.datasource.url in '
            + 'application-refused.properties line 1).')
    // 4: Actuator over HTTP, the database not migrated: migrate's health DOWN (503) naming what is pending
    def actuator = { String run, String name ->
        def file = new File(basedir, "target/actuator/${run}/${name}")
        [status: new File(file.path + '.status').text as int, json: new JsonSlurper().parse(new File(file.path + '.json'))]
    }
    def behindHealth = actuator('behind', 'health-migrate')
    assert behindHealth.status == 503
    assert behindHealth.json.status == 'DOWN'
    assert behindHealth.json.details.reason.startsWith("The database is behind the application's head: 4 revisions are pending")
    assert behindHealth.json.details.pending == ['20261101_000001', '20261101_000002', '20261101_000003', '20261101_000004']
    assert actuator('behind', 'health').json.components.migrate.status == 'DOWN'
    def behind = actuator('behind', 'migrate')
    assert behind.status == 200
    def behindBean = behind.json.contexts.values()[0].migrateBeans.migrateStatus
    assert behindBean.database instanceof String && !behindBean.database.contains('boot4-secret-pw')
    // the application's Hikari pool says not where it connects: the endpoint names the server, asked through a
    // connection, never "the configured DataSource"
    assert behindBean.database == 'PostgreSQL at localhost:25474, database app, user app' : behindBean.database
    assert behindBean.current == []
    assert behindBean.heads == ['20261101_000004']
    assert behindBean.pending.size() == 4
    // 7: the same at head: UP, nothing pending, the history newest first
    def upHealth = actuator('at-head', 'health-migrate')
    assert upHealth.status == 200
    assert upHealth.json.status == 'UP'
    def atHead = actuator('at-head', 'migrate').json.contexts.values()[0].migrateBeans.migrateStatus
    assert atHead.current*.revision == ['20261101_000004']
    assert atHead.current[0].head == true
    assert atHead.pending == []
    assert atHead.history[0].revision == '20261101_000004'
    assert atHead.history[0].direction == 'upgrade'
    assert atHead.history[0].appliedBy == 'app'
    assert actuator('at-head', 'health').json.components.migrate.status == 'UP'
    // 5: the chain ran at startup, the bean migration with its injected names, before JPA validated the entities
    assert log.contains('Running upgrade <base> -> 20261101_000001, create customer')
    assert log.contains('Running upgrade 20261101_000003 -> 20261101_000004, seed customers')
    assert log.contains('Shop saw 20261101_000004 upgrade')
    assert log.count('Customers: ada, grace') == 3 : 'the three starts on the migrated database reached the application'
    assert log.count('Orders: 0') == 3
    // 6: the second start ran nothing
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
