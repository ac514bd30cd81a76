import dev.migrate.testing.ItDatabase
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
    assert runs.size() == 12 : "twelve Maven runs in the log, found ${runs.size()}"
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles()
            .findAll { it.name.endsWith('.java') }.sort { it.name }
    // the refused autogenerate (6) wrote nothing
    assert written*.name.collect { it.replaceAll(/V\d{8}_\d{6}_/, '') } ==
            ['Initial.java', 'ReferenceChanges.java', 'TestAccounts.java'] : written*.name
    def (initial, changes, accounts) = written.collect { it.text }
    def upgrade = { String source -> source.substring(source.indexOf('public void upgrade'), source.indexOf('public void downgrade')) }
    def downgrade = { String source -> source.substring(source.indexOf('public void downgrade')) }

    // 1: the tables, then their rows, regions before the countries that point to them; the downgrade drops
    // the tables with their rows
    def up = upgrade(initial)
    int createRegions = up.indexOf('op.createTable("regions"')
    int regions = up.indexOf('op.insertRows("regions", Rows.keyedBy("code")')
    int countries = up.indexOf('op.insertRows("countries", Rows.keyedBy("code")')
    assert createRegions >= 0 && regions > up.indexOf('op.addForeignKey("accounts"') && countries > regions : up
    assert up.contains('.row("US", "United States", "AM")') : up
    assert !up.contains('op.insertRows("accounts"') : 'the test accounts are not in the migration every database runs: ' + up
    assert downgrade(initial).contains('op.dropTable("regions")') && !downgrade(initial).contains('deleteRows') : initial
    assert runs[0].contains('Running upgrade <base> -> ') : 'plain is at the first migration: ' + runs[0]
    // 2: applied to the live database, which check finds in sync
    assert runs[1].contains('No differences: the entities match the schema at head.') : runs[1]

    // 3: a region added and one renamed, a country added, one renamed and one removed: parents first on insert,
    // the downgrade puts each row back as it was, the deleted one with all its columns
    up = upgrade(changes)
    int addAfrica = up.indexOf('.row("AF", "Africa")')
    int addKenya = up.indexOf('.row("KE", "Kenya", "AF")')
    int renameAmericas = up.indexOf('op.updateRows("regions"')
    int renameUs = up.indexOf('op.updateRows("countries"')
    int deleteGermany = up.indexOf('op.deleteRows("countries"')
    assert addAfrica >= 0 && addKenya > addAfrica && renameAmericas >= 0 && renameUs >= 0 && deleteGermany >= 0 : up
    assert up.contains('.row("AM", "The Americas")') && up.contains('.row("US", "United States of America")') : up
    // on a database where an account still points to Germany, the migration stops before any change
    assert up.indexOf('op.requireNoRows("SELECT 1 FROM public.accounts WHERE country_id IN') in 0..<addAfrica : up
    // found by the file's key, whatever id another database gave Germany
    assert up.replaceAll(/"\s*\+\s*"/, '').contains("country_id IN (SELECT id FROM public.countries WHERE code IN ('DE'))") : up
    def down = downgrade(changes)
    assert down.contains('.row("AM", "America")') && down.contains('.row("US", "United States")') : down
    assert down.indexOf('op.insertRows("countries"') >= 0 && down.contains('.row("2", "DE", "Germany", "EU")') : down
    assert down.indexOf('op.deleteRows("countries"') < down.indexOf('op.deleteRows("regions"') : 'children first: ' + down
    assert runs[2].contains('Detected removed 1 row of public.countries (code DE)') : runs[2]
    // 4: applied; the live database is in sync with data-2 again
    assert runs[3].contains('reference changes') && runs[3].contains('No differences: the entities match the schema at head.') : runs[3]

    // 5: the region renamed by hand on the live database is named by check
    assert runs[4].contains('The entities and declared rows differ from the schema at head in 1 way:') : runs[4]
    assert runs[4].contains('or change the entities and the files of the declared rows back.') : runs[4]
    assert runs[4].contains("- 1 row of public.regions (code EU): name 'Europa' -> 'Europe'") : runs[4]

    // 6: France, which the account opened by hand points to, is not deleted; nothing is written
    assert runs[5].contains('Nothing was written: 1 row of public.accounts (country_id) point to the 1 row of '
            + 'public.countries that data-4/countries.csv no longer declares, so deleting them would fail.') : runs[5]

    // 7: the test accounts of data-3/test, in a revision limited to that context, "" kept apart from NULL
    assert accounts.contains('contexts = "test"') : accounts
    up = upgrade(accounts)
    assert up.contains('op.insertRows("accounts", Rows.keyedBy("id")') : up
    assert up.contains('.row("1", "alice@example.com", "", "1")') : up
    assert !up.contains('"regions"') && !up.contains('"countries"') : 'only the rows of the context: ' + up

    // 8: plain holds an account in Germany, which the second migration deletes: it stops before any change
    assert runs[7].contains('rows of public.accounts still point to rows of public.countries that this migration deletes'
            + ' (country_id)') : runs[7]
    // 9: the account closed, an upgrade without the context skips the revision: plain has no test account
    assert runs[8].contains('Skipped') && runs[8].contains('test accounts') : runs[8]
    def plain = 'jdbc:postgresql://localhost:25963/plain'
    assert ItDatabase.query(plain, 'SELECT count(*) FROM accounts') == ['0']
    assert ItDatabase.query(plain, "SELECT string_agg(code || '=' || name, ',' ORDER BY code) FROM regions") ==
            ['AF=Africa,AM=The Americas,AS=Asia,EU=Europe']
    assert ItDatabase.query(plain, "SELECT string_agg(c.code || ':' || c.name || ':' || r.name, ',' ORDER BY c.code) "
            + 'FROM countries c JOIN regions r ON r.code = c.region_code') ==
            ['FR:France:Europe,JP:Japan:Asia,KE:Kenya:Africa,US:United States of America:The Americas']
    // 10: with it, app has them: once the account opened by hand is closed, check finds the accounts table as
    // data-3/test declares it
    assert runs[9].contains('Running upgrade') && runs[9].contains('test accounts') : runs[9]
    assert runs[9].contains('No differences: the entities match the schema at head.') : runs[9]

    // 11: down to base on the live database: no table is left but the chain's own
    def app = 'jdbc:postgresql://localhost:25963/app'
    assert runs[10].contains('BUILD SUCCESS') : runs[10]
    assert ItDatabase.query(app, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE 'migrate\\_%'") == ['0']

    // 12: a table declaring more rows than the limit is refused, naming the parameter
    assert runs[11].contains('data-2/countries.csv: public.countries declares 4 rows, more than declared rows are for') : runs[11]
    assert runs[11].contains('or raise the limit with dataRowLimit (now 3).') : runs[11]
} finally {
    ItDatabase.stop(basedir)
}
true
