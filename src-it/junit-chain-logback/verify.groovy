// the tests ran and passed: read what surefire wrote, not only the exit code
def reports = new File(basedir, 'target/surefire-reports')
def chain = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.shop.MigrationChainTest.xml'))
assert chain.@tests.toInteger() == 5
assert chain.@failures.toInteger() == 0 && chain.@errors.toInteger() == 0 && chain.@skipped.toInteger() == 0
assert chain.testcase.collect { it.@name.toString().replaceFirst(/\(.*/, '') }.contains('entitiesMatchSchemaAtHead')

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 6, Failures: 0, Errors: 0, Skipped: 0')
// Logback prints at DEBUG here, so anything the provider logged would show: its banner, HHH000181
// ("No appropriate connection provider"), its DEBUG lines (logger names abbreviated as o.h....)
def tests = log.substring(log.indexOf('T E S T S'), log.indexOf('Results:'))
assert tests.contains('Running com.example.shop.MigrationChainTest')
def hibernate = tests.readLines().findAll { it.contains('HHH') || it =~ /\bo\.h\.|org\.hibernate\./ }
assert hibernate.isEmpty() : hibernate.take(10).join('\n')
true
