import dev.migrate.MigrateException
import dev.migrate.Migrator
import dev.migrate.testing.ItDatabase

def app = 'jdbc:postgresql://localhost:25977/app'
try {
    def runs = new File(basedir, 'build.log').text.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
    assert runs.size() == 3
    // one file, named by the head and the embedded default's major version
    def dir = new File(basedir, 'target/classes/META-INF/migrate/schema')
    def files = dir.listFiles()*.name
    assert files.size() == 1 && files[0] ==~ /20260101_000002\.pg\d+\.snapshot/ : files
    assert runs[0].contains('Kept the schema of revision 20260101_000002 (PostgreSQL ')
    assert runs[1].contains('taken from the cache')
    assert runs[1].contains('Kept the schema of revision 20260101_000002')
    assert runs[2].contains('majors name PostgreSQL 12, and migrate reads PostgreSQL 13 and later')
    assert runs[2].contains('-Dmigrate.snapshot.majors=15,17')
    assert runs[2].contains('Nothing was written.')

    // the application at startup: its classes (with the snapshot), its database at head
    def classes = new URLClassLoader([new File(basedir, 'target/classes').toURI().toURL()] as URL[],
            Migrator.classLoader)
    def migrator = Migrator.builder()
            .url('postgresql://localhost:25977/app', 'app', 'snapshot-pw')
            .packages('db.migrations')
            .classLoader(classes)
            .validateDrift(true)
            .build()
    migrator.assertUpToDate()

    // a hotfix by hand: the next start fails, naming it and the fix
    ItDatabase.execute(app, "CREATE OR REPLACE VIEW german_customers AS SELECT id, country FROM customers WHERE country = 'AT'")
    try {
        migrator.assertUpToDate()
        assert false : 'the start should fail on the edited view'
    } catch (MigrateException e) {
        assert e.message.contains('has drifted from the schema of revision 20260101_000002 in 1 way')
        assert e.message.contains('view public.german_customers')
        assert e.message.contains('migrate:drift -Dmigrate.drift.sqlFile=drift.sql')
    }
    true
} finally {
    ItDatabase.stop(basedir)
}
