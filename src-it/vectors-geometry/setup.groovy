import dev.migrate.servers.InstalledThrowaway
import dev.migrate.servers.PostgresInstallation
import dev.migrate.testing.ItDatabase
// the live database, on a server of the installation that has both extensions (selector.groovy found one), as migrate
// starts its throwaway servers from it; verify.groovy stops it
def installation = PostgresInstallation.find(null).find { it.has('vector') && it.has('postgis') }
InstalledThrowaway.start(installation, new File(basedir, 'target/it-installed').toPath(), 25679)
ItDatabase.execute('jdbc:postgresql://127.0.0.1:25679/postgres', 'CREATE DATABASE app')
true
