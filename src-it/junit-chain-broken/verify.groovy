// mvn test failed because of the chain, and the report says which revision and what differs
def reports = new File(basedir, 'target/surefire-reports')
def chain = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-com.example.shop.MigrationChainTest.xml'))
assert chain.@tests.toInteger() == 5
assert chain.@errors.toInteger() == 0
def byName = chain.testcase.collectEntries { [(it.@name.toString()): it] }
def failure = { String part -> byName.find { it.key.contains(part) }.value.failure }

// the chain is linear and applies: those pass
assert failure('singleHead(').isEmpty()
assert failure('upgradesFromBaseToHead(').isEmpty()

def roundTrip = failure('everyStepRoundTrips(')
assert !roundTrip.isEmpty()
assert roundTrip.@message.toString().contains('20261124_080000')
assert roundTrip.text().contains('referral_rewards')

def toBase = failure('downgradeToBaseLeavesNothing(')
assert !toBase.isEmpty()
assert toBase.@message.toString().contains('The downgrade of revision 20261124_080000 (db.migrations.V20261124_080000_AddReferralCode)')
assert toBase.@message.toString().contains('table public.referral_rewards')

def entities = failure('entitiesMatchSchemaAtHead(')
assert !entities.isEmpty()
assert entities.@message.toString().contains('20261124_080000')
assert entities.text().contains('added column public.customers.loyalty_points')
assert !entities.text().contains('referral_code') // the column the migration does add is not a difference

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 5, Failures: 3, Errors: 0, Skipped: 0')
true
