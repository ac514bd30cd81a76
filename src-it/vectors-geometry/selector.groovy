// Runs where Debian's PostgreSQL 15 has pgvector and PostGIS (../shared/extensions/install.sh), as
// migrate-extensions-tests decides; -Dmigrate.extensions=required makes their absence a failure.
def share = new File('/usr/share/postgresql/15/extension')
def why = null
if (!new File('/usr/lib/postgresql/15/bin/pg_ctl').canExecute()) {
    why = 'no PostgreSQL 15 in /usr/lib/postgresql/15'
} else if (!new File(share, 'vector.control').exists() || !new File(share, 'postgis.control').exists()) {
    why = 'PostgreSQL 15 has no vector or no postgis (run ../shared/extensions/install.sh as root)'
}
if (why == null) {
    return true
}
if (System.getProperty('migrate.extensions') == 'required') {
    throw new IllegalStateException('The vectors-geometry project is required (-Dmigrate.extensions=required) but cannot run: ' + why)
}
println 'vectors-geometry skipped: ' + why + '. -Dmigrate.extensions=required makes this a failure.'
return false
