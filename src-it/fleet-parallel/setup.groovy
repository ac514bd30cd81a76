import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25829, 'fleet-parallel-pw')
def app = 'jdbc:postgresql://localhost:25829/app'
for (i in 1..6) {
    ItDatabase.execute(app, "CREATE SCHEMA tenant_${i} AUTHORIZATION app")
}

// two modules built at once (-T 2) each run a fleet upgrade of the same six tenant schemas
def mvn = new File(basedir, '.mvn'); mvn.mkdirs()
new File(mvn, 'maven.config').text = "-T 2\n-Dmigrate.url=postgresql://app:fleet-parallel-pw@localhost:25829/app\n-Dmigrate.tenants=tenant_%\n-Dmigrate.parallel=3\n"

true
