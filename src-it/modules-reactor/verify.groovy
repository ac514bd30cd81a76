import dev.migrate.testing.ItDatabase

def log = new File(basedir, 'build.log').text
def written = { String module ->
    def dir = new File(basedir, "${module}/src/main/java/dev/acme/${module}/migrations")
    dir.listFiles().findAll { it.name ==~ /V\d{8}_\d{6}_.*\.java/ && !it.name.contains('20261101_000000') }
}
// what the first autogenerate wrote: the moves of step 8 come after
def initial = { String module -> written(module).findAll { it.name.endsWith('_InitialSchema.java') } }
try {
    // migrate:module wrote each module's order from the Maven dependencies; no annotation names one
    def properties = { String module ->
        new File(basedir, "${module}/target/classes/META-INF/migrate/module.properties").text
    }
    assert properties('outbox').contains('name=outbox\n') && properties('outbox').contains('dependsOn=\n')
    assert properties('customers').contains('dependsOn=outbox\n')
    assert properties('billing').contains('package=dev.acme.billing.migrations\n')
    assert properties('billing').contains('dependsOn=outbox,customers\n')
    assert properties('shop') =~ /dependsOn=(billing|outbox|customers)(,(billing|outbox|customers)){2}\n/
    assert log.contains('Module billing (dev.acme.billing.migrations) depends on outbox, customers: written to')

    // 1: one revision per domain module, each with its own tables only; the library's table is its own revision's
    assert written('outbox').isEmpty() : "the library's entity matches its shipped revision: ${written('outbox')*.name}"
    ['customers', 'billing', 'shop'].each { m ->
        assert initial(m).size() == 1 : "${m} wrote one revision: ${written(m)*.name}"
    }
    assert written('shop').size() == 1
    def customers = initial('customers')[0].text
    assert customers.contains('op.createTable("customer"') && customers.contains('op.createTable("customer_note"')
    assert !customers.contains('outbox_message') : 'the dependency\'s table is read, never changed'
    def billing = initial('billing')[0].text
    assert billing.contains('op.createTable("invoice"')
    assert !billing.contains('op.createTable("customer"') && !billing.contains('op.dropTable("customer"')
    assert !billing.contains('outbox_message')
    assert billing =~ /references\("customer"|addForeignKey\("invoice"/ : 'the foreign key to the customers table'
    // a module's first revision revises nothing: the module graph orders it after its dependencies
    assert billing =~ /@Revision\(id = "\d{8}_\d{6}", message = "initial schema"\)/
    def shop = initial('shop')[0].text
    assert shop.contains('op.createTable("shop_setting"') && !shop.contains('"invoice"')
    assert log.contains('Compiled 1 written revision(s) into')

    // 2 and 3 (one mvn): every module matches its chain, and a second autogenerate writes nothing anywhere
    def invocations = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
    assert invocations.size() == 9 : "nine invocations, found ${invocations.size()}"
    assert invocations[1].count('No differences: the entities match the schema at head.') == 4
    assert invocations[1].count('No changes detected: the entities match the schema at head. Nothing written.') == 4

    // 5: the refusal names the dependents, and nothing ran
    assert invocations[3].contains('Cannot downgrade module customers: ')
    assert invocations[3] =~ /module billing and module shop depend on it|module shop and module billing depend on it/

    // 8: the entity moved from customers to billing: customers hands its table over, billing takes it, no drop
    def handOver = written('customers').findAll { !it.name.endsWith('_InitialSchema.java') }
    assert handOver*.name.size() == 1 && handOver[0].name ==~ /V\d{8}_\d{6}_HandCustomerNoteOverToBilling\.java/
    def given = handOver[0].text
    assert given.contains('@HandsOver(to = "billing", tables = "customer_note")')
    assert !given.contains('dropTable')
    def givenId = (given =~ /\bid = "(\d{8}_\d{6})"/)[0][1]
    def take = written('billing').findAll { !it.name.endsWith('_InitialSchema.java') }
    assert take*.name.size() == 1 && take[0].name ==~ /V\d{8}_\d{6}_TakeCustomerNoteFromCustomers\.java/
    assert take[0].text.contains('@TakesOver(from = "customers", tables = "customer_note")')
    assert take[0].text.contains("dependsOn = \"customers.${givenId}\"")
    assert !take[0].text.contains('createTable')
    assert invocations[6].contains('so module customers hands the table over instead of dropping it')
    assert invocations[6].contains('module billing takes customer_note from module customers')
    // 10: every module matches its chain after the move, by check and by one cycle of watch in each module (a
    // watch of the whole project would find the other modules' tables missing from each module's entities)
    assert invocations[8].count('No differences: the entities match the schema at head.') == 8
    assert invocations[8].count('Comparing the entities with the schema at head.') == 4
    assert invocations[8].count('Cycle 1 took ') == 4

    def url = 'jdbc:postgresql://localhost:25997/app'
    assert ItDatabase.query(url, 'SELECT body FROM customer_note') == ['call back'] : 'the moved table kept its row'
    def rows = ItDatabase.query(url, 'SELECT version_num FROM migrate_version ORDER BY 1')
    assert rows.size() == 4 : rows
    assert rows[0].startsWith('billing.') && rows[1].startsWith('customers.') && rows[3].startsWith('shop.')
    assert rows[2] == 'outbox.20261201_000000' : 'the library bump applied its new revision'
    def runs = ItDatabase.query(url, "SELECT revision || ' ' || direction || ' ' || count(*) FROM migrate_history GROUP BY revision, direction ORDER BY 1")
    // four modules upgraded on one database, each revision once; shop taken back and applied again
    assert runs.findAll { it.startsWith('outbox.') } == ['outbox.20261101_000000 upgrade 1', 'outbox.20261201_000000 upgrade 1']
    assert runs.findAll { it.startsWith('customers.') }*.endsWith(' upgrade 1') == [true, true]
    assert runs.findAll { it.startsWith('billing.') }*.endsWith(' upgrade 1') == [true, true]
    assert runs.findAll { it.startsWith('shop.') }.collect { it.split(' ')[1..2].join(' ') } == ['downgrade 1', 'upgrade 2']
    assert ItDatabase.query(url, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'outbox_message' AND column_name = 'attempts'") == ['1']
    assert ItDatabase.query(url, "SELECT count(*) FROM information_schema.table_constraints WHERE table_name = 'invoice' AND constraint_type = 'FOREIGN KEY'") == ['1']
} finally {
    ItDatabase.stop(basedir)
}
true
