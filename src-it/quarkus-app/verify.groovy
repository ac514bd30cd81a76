import dev.migrate.testing.ItDatabase
import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

def appLog = new File(basedir, 'quarkus-run.log')
Process process = null
try {
    // 1: autogenerate wrote the first migration where quarkus.migrate.packages reads it (the plugin took the packages
    // from application.properties: the pom sets none), with the column names the naming strategy of
    // application.properties gives Quarkus's Hibernate
    def buildLog = new File(basedir, 'build.log').text
    assert buildLog.contains('Using the packages of quarkus.migrate.packages in application.properties (profile prod): com.example.shop.db.migrations') : buildLog
    def written = new File(basedir, 'src/main/java/com/example/shop/db/migrations').listFiles().findAll { it.name.endsWith('.java') }
    assert written.size() == 1 : written
    def source = written[0].text
    assert source.contains('column("full_name", "varchar(100)")') : source
    assert !source.contains('"fullname"') : source
    assert source.contains('column("placed_at", ') : source
    assert source.contains('op.createTable("purchase_order",') : source
    def revision = (source =~ /@Revision\(id = "([^"]+)"/)[0][1]

    // 2: package compiled the migration into the application Quarkus built
    assert new File(basedir, "target/classes/com/example/shop/db/migrations/${written[0].name - '.java'}.class").isFile()
    def jar = new File(basedir, 'target/quarkus-app/quarkus-run.jar')
    assert jar.isFile()

    // Production: java -jar on an empty database, its URL given at startup; migrate-at-start upgrades it to head
    ItDatabase.execute('jdbc:postgresql://localhost:25521/app', 'CREATE DATABASE production OWNER app')
    def url = 'jdbc:postgresql://localhost:25521/production'
    def port = new ServerSocket(0).withCloseable { it.localPort }
    def java = new File(System.getProperty('java.home'), 'bin/java').path
    process = new ProcessBuilder(java, '-Xmx256m', '-XX:TieredStopAtLevel=1',
            "-Dquarkus.datasource.jdbc.url=${url}".toString(),
            '-Dquarkus.datasource.username=app',
            '-Dquarkus.datasource.password=quarkus-app-pw',
            "-Dquarkus.http.port=${port}".toString(),
            '-jar', jar.path)
            .directory(basedir)
            .redirectErrorStream(true)
            .redirectOutput(appLog)
            .start()

    // the first answer of /q/health/ready, within 60 s: the HTTP server opens once startup (and so the upgrade) is done
    def ready = new URL("http://localhost:${port}/q/health/ready")
    def deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
    Integer status = null
    String body = null
    while (status == null) {
        assert process.isAlive() : "The application ended (exit ${process.exitValue()}) before it answered on /q/health/ready"
        assert System.nanoTime() < deadline : 'The application did not answer on /q/health/ready within 60 s'
        try {
            def connection = (HttpURLConnection) ready.openConnection()
            connection.connectTimeout = 1000
            connection.readTimeout = 10000
            status = connection.responseCode
            body = (status < 400 ? connection.inputStream : connection.errorStream).text
        } catch (ConnectException notYet) {
            Thread.sleep(250)
        }
    }
    assert status == 200 : body
    def health = new JsonSlurper().parseText(body)
    def migrate = health.checks.find { it.name == 'migrate' }
    assert migrate != null : body
    assert migrate.status == 'UP' : body
    assert migrate.data.'<default>.current' == "[${revision}]".toString() : body

    def log = appLog.text
    assert log.contains("Running upgrade <base> -> ${revision}, create customer and purchase_order") : log

    // 3: the tables of the entities, as Hibernate names them, and head in the version table
    assert ItDatabase.query(url, "SELECT column_name || ' ' || data_type FROM information_schema.columns "
            + "WHERE table_schema = 'public' AND table_name = 'customer' ORDER BY ordinal_position") ==
            ['id bigint', 'full_name character varying']
    assert ItDatabase.query(url, "SELECT column_name FROM information_schema.columns "
            + "WHERE table_schema = 'public' AND table_name = 'purchase_order' ORDER BY column_name") ==
            ['customer_id', 'id', 'placed_at']
    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == [revision]
} catch (Throwable failure) {
    if (appLog.isFile()) {
        println "---- ${appLog} ----"
        println appLog.text
    }
    throw failure
} finally {
    if (process != null) {
        process.destroy()
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            process.waitFor(10, TimeUnit.SECONDS)
        }
    }
    ItDatabase.stop(basedir)
}
true
