// under each line's JUnit that this run asks for (the goal lines of invoker.properties, or of the file that
// -Dmigrate.lines=all names in linesFile) the tests ran, each found the databases and connections of the tests
// before it gone, and the server stopped when the run ended (the reports are the last line's)
def props = new Properties()
new File(basedir, binding.variables.linesFile ?: 'invoker.properties').withInputStream { props.load(it) }
def versions = props.findAll { it.key.startsWith('invoker.goals') }.collect { (it.value =~ /-Djunit\.version=(\S+)/)[0][1] }
assert versions.size() == 2
def reports = new File(basedir, 'target/surefire-reports')
def log = new File(basedir, 'build.log').text
assert log.count('Tests run: 9, Failures: 0, Errors: 0, Skipped: 1') == versions.size() : 'each line ran every test'

def chain = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.shop.ChainTest.xml'))
assert chain.@tests.toInteger() == 5 && chain.@failures.toInteger() == 0 && chain.@errors.toInteger() == 0
def status = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.shop.StatusMigrationTest.xml'))
assert status.@tests.toInteger() == 2 && status.@failures.toInteger() == 0 && status.@errors.toInteger() == 0
def last = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.shop.ZNothingLeftBehindTest.xml'))
assert last.@tests.toInteger() == 2 && last.@failures.toInteger() == 0 && last.@errors.toInteger() == 0

assert new File(basedir, 'server-after-tests.txt').readLines() == versions.collect { "${it} stopped=true".toString() } :
        'under each line the embedded server was stopped by the extension when the tests ended, not left to the JVM'
true
