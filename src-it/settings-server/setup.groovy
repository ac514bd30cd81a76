import dev.migrate.maven.it.ItDatabase
ItDatabase.start(basedir, 54392, 'it-settings-secret')

def mvn = new File(basedir, '.mvn'); mvn.mkdirs()
new File(mvn, 'maven.config').text = "-Dsettings.security=${new File(basedir, 'settings-security.xml').absolutePath}\n"

true
