// Runs where the Citus cluster can start, as migrate-citus-tests decides: as root on Linux with
// ../shared/citus/ beside the repository; -Dmigrate.citus=required makes its absence a failure.
// shared/ beside the repository, wherever the invoker runs the project
def scripts = null
for (def dir = basedir.canonicalFile; dir != null && scripts == null; dir = dir.parentFile) {
    if (new File(dir, 'shared/citus/cluster.sh').exists()) {
        scripts = new File(dir, 'shared/citus')
    }
}
scripts = scripts ?: new File(basedir, 'shared/citus')
String why = null
if (!System.getProperty('os.name', '').toLowerCase().contains('linux')) {
    why = 'the Citus scripts run on Linux only'
} else if (System.getProperty('user.name') != 'root') {
    why = 'the Citus scripts run as root, and this build runs as ' + System.getProperty('user.name')
} else if (!new File(scripts, 'cluster.sh').canExecute() || !new File(scripts, 'install.sh').canExecute()) {
    why = 'no install.sh and cluster.sh in ' + scripts
}
if (why == null) {
    return true
}
if (System.getProperty('migrate.citus') == 'required') {
    throw new IllegalStateException('The Citus Invoker project is required (-Dmigrate.citus=required) but cannot run: ' + why)
}
println 'citus-entities skipped: ' + why + '. -Dmigrate.citus=required makes this a failure.'
return false
