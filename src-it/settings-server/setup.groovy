import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25392, 'it-settings-secret')

def mvn = new File(basedir, '.mvn'); mvn.mkdirs()
// The server entry comes in as global settings, merged with the invoker's own settings.xml.
new File(mvn, 'maven.config').text = "-gs\n${new File(basedir, 'it-settings.xml').absolutePath}\n-Dsettings.security=${new File(basedir, 'settings-security.xml').absolutePath}\n"

true
