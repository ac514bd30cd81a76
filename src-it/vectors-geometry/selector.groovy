import dev.migrate.servers.PostgresInstallation
// Runs where a PostgreSQL installation on this machine has pgvector and PostGIS (Debian's 15 once
// ../shared/extensions/install.sh ran), as migrate-extensions-tests decides; -Dmigrate.extensions=required makes their
// absence a failure, as .ci/run sets it.
if (PostgresInstallation.find(null).any { it.has('vector') && it.has('postgis') }) {
    return true
}
def why = 'no PostgreSQL installation on this machine has both vector and postgis (looked at pg_config on the PATH and /usr/lib/postgresql/*)'
if (System.getProperty('migrate.extensions') == 'required') {
    throw new IllegalStateException('The vectors-geometry project is required (-Dmigrate.extensions=required) but cannot run: ' + why
            + '. Run ../shared/extensions/install.sh as root first.')
}
println 'vectors-geometry skipped: ' + why + '. ../shared/extensions/install.sh installs them; -Dmigrate.extensions=required makes this a failure.'
return false
