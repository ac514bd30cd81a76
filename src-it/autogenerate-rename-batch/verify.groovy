def log = new File(basedir, 'build.log').text
// batch mode: nothing written, the pair named with both ways on
assert log.contains('Nothing was written: customers=clients looks like a rename, which batch mode cannot ask about')
assert log.contains('-Dmigrate.renames=customers=clients')
assert log.contains('-Dmigrate.notRenamed=customers')
// a rename that matches nothing
assert log.contains('The rename custmers=clients matches nothing: the database has no table custmers.')
// the rename given: one migration, renaming
def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.contains('RenameCustomers') }
assert written.size() == 1 : written*.name
def source = written[0].text
assert source.contains('op.renameTable("customers", "clients")') : source
assert !source.contains('dropTable')
true
