def log = new File(basedir, 'build.log').text
def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }.sort { it.name }
assert written*.name.collect { it.replaceAll('^V[0-9_]+_', '') } == ['CreateInvoices.java', 'AddEmail.java'] : written*.name
def create = written[0].text
['customers', 'invoices', 'invoices_customer', 'public void downgrade'].each { assert create.contains(it) : it }
assert written[1].text.contains('email') && written[1].text.contains('dropColumn') : written[1].text
// check in sync after each autogenerate, and a difference before the second
assert log.count('No differences') == 2
assert log.contains('email')
// the program's failure names the command, the exit code and the end of its standard error
assert log.contains('The schema source sh failing.sh exited with 4')
assert log.contains('schema export failed: no connection to the build cache')
true
