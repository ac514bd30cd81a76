import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25395, 'parallel-pw')

def mvn = new File(basedir, '.mvn'); mvn.mkdirs()
new File(mvn, 'maven.config').text = "-T 2\n-Dmigrate.url=postgresql://app:parallel-pw@localhost:25395/app\n"

true
