import dev.migrate.testing.ItDatabase

// one database per line this run asks for (the goal lines of invoker.properties, or of the file that
// -Dmigrate.lines=all names in linesFile), so that each line's start migrates from nothing
def props = new Properties()
new File(basedir, binding.variables.linesFile ?: 'invoker.properties').withInputStream { props.load(it) }
def databases = props.findAll { it.key.startsWith('invoker.goals') }.collect { (it.value =~ /localhost:25478\/(\w+)/)[0][1] }
ItDatabase.start(basedir, 25478, 'lines-secret-pw')
ItDatabase.execute('jdbc:postgresql://localhost:25478/postgres?user=postgres',
        *databases.collect { "CREATE DATABASE ${it} OWNER app".toString() })
true
