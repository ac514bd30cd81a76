// the tests ran in the user's build and passed: read what surefire wrote, not only the exit code
def reports = new File(basedir, 'target/surefire-reports')
def chain = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.shop.MigrationChainTest.xml'))
assert chain.@tests.toInteger() == 5
assert chain.@failures.toInteger() == 0 && chain.@errors.toInteger() == 0 && chain.@skipped.toInteger() == 0
def names = chain.testcase.collect { it.@name.toString() }
assert names.collect { it.replaceFirst(/\(.*/, '') }.toSet() == ['singleHead', 'upgradesFromBaseToHead', 'everyStepRoundTrips',
        'downgradeToBaseLeavesNothing', 'entitiesMatchSchemaAtHead'].toSet()

def data = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.shop.StatusMigrationTest.xml'))
assert data.@tests.toInteger() == 1
assert data.@failures.toInteger() == 0 && data.@errors.toInteger() == 0 && data.@skipped.toInteger() == 0

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 6, Failures: 0, Errors: 0, Skipped: 0')
// no logging library here: the JPA provider logs through java.util.logging, and its lines (HHH...) stay out
def tests = log.substring(log.indexOf('T E S T S'), log.indexOf('Results:'))
assert !tests.contains('HHH') : tests.readLines().findAll { it.contains('HHH') }.take(5).join('\n')
true
