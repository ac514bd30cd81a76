// under each line's JUnit the tests ran, each found the databases and connections of the tests before it gone, and
// the server stopped when the run ended (the reports are the last line's)
def reports = new File(basedir, 'target/surefire-reports')
def log = new File(basedir, 'build.log').text
assert log.count('Tests run: 9, Failures: 0, Errors: 0, Skipped: 1') >= 4 : 'each of the four lines ran every test'

def chain = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.shop.ChainTest.xml'))
assert chain.@tests.toInteger() == 5 && chain.@failures.toInteger() == 0 && chain.@errors.toInteger() == 0
def status = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.shop.StatusMigrationTest.xml'))
assert status.@tests.toInteger() == 2 && status.@failures.toInteger() == 0 && status.@errors.toInteger() == 0
def last = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.shop.ZNothingLeftBehindTest.xml'))
assert last.@tests.toInteger() == 2 && last.@failures.toInteger() == 0 && last.@errors.toInteger() == 0

assert new File(basedir, 'server-after-tests.txt').readLines() ==
        ['5.10.5 stopped=true', '5.11.4 stopped=true', '5.12.2 stopped=true', '6.0.3 stopped=true'] :
        'under each line the embedded server was stopped by the extension when the tests ended, not left to the JVM'
true
