import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
    assert runs.size() == 5 : "five Maven runs in the log, found ${runs.size()}"
    def csv = 'src/main/resources/db/data/plans.csv'

    // 3: the migration written, and the file's three changed rows rewritten, nothing else
    assert runs[2] =~ /Rewrote \S*plans\.csv to hold the rows/ : runs[2]
    assert !runs[2].contains('Not edited, so yours to edit') : runs[2]
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles()
            .findAll { it.name.endsWith('.java') }.sort { it.name }
    assert written*.name.collect { it.replaceAll(/V\d{8}_\d{6}_/, '') } == ['Plans.java', 'PricesChangedInProduction.java'] : written*.name
    def accepting = written[1].text
    assert accepting.contains('op.updateRows("plans"') && accepting.contains('op.insertRows("plans"')
            && accepting.contains('op.deleteRows("plans"') : accepting
    assert new File(basedir, csv).text ==
            'tier,price,label\nfree,0,"Free, forever"\npro,12.00,"Pro, yearly"\ngold,99.00,Gold\n' : new File(basedir, csv).text

    // 5: check compares the file with the chain, the accepting migration included: nothing
    assert runs[3].contains('BUILD SUCCESS') && runs[3].contains('No differences') : runs[3]
    // 6: the database, stamped at the new revision, matches it
    assert runs[4].contains('No drift: localhost:25957/app matches revision') : runs[4]
    return true
} finally {
    ItDatabase.stop(basedir)
}
