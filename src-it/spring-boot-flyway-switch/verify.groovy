import dev.migrate.testing.ItDatabase
try {
    def url = 'jdbc:postgresql://localhost:25603/app'
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
    assert runs.size() == 2 : "two Maven runs, found ${runs.size()}"

    // 1: before the switch, Boot's Flyway built production up to V2 at startup, and migrate stood aside
    def before = runs[0]
    assert before.contains('The following 1 profile is active: "before-switch"')
    assert before.contains('Successfully applied 3 migrations to schema "public", now at version v2')
    assert before.contains('Customer totals: ada 14.75, grace 99.00')
    assert !before.contains('dev.migrate ')
    assert before.contains('BUILD SUCCESS')

    // 2: the revisions migrate:import wrote from these Flyway migrations, committed beside them
    def after = runs[1]
    def dir = new File(basedir, 'src/main/java/db/migrations')
    assert dir.list().sort() == ['R_repeatable_CustomerTotals.java', 'V1_CreateCustomers.java', 'V2_AddOrders.java',
                                 'V3_EmailAndTouch.java', 'V4_EmailIndex.java'] : dir.list()
    assert new File(dir, 'V1_CreateCustomers.java').text.contains("COMMENT ON TABLE customers IS 'who buys; kept by shop-team'")

    // the deploy after the switch: Boot's Flyway did not run; the starter's upgrade at startup moved production in
    // (V1, V2 marked as Flyway applied them) and ran the rest, before the application used the database
    def start = after.substring(after.indexOf('spring-boot-maven-plugin:3.5.16:run (default-cli) @'))
    assert start.contains('No active profile set')
    assert !start.contains('o.f.core.internal.command.DbMigrate') && !start.contains('Successfully validated')
    assert start.contains('Moved in from Flyway: 2 revisions it applied (public.flyway_schema_history, read and left '
            + 'as it is) marked as applied, up to V2.')
    assert start.count('Running upgrade') == 3 : start
    assert start.contains('Running upgrade V2 -> V3, V3 email and touch (Flyway V3__email_and_touch.sql)')
    assert start.contains('Running upgrade V3 -> V4, V4 email index (Flyway V4__email_index.sql)')
    assert start.contains("Running upgrade V4 -> R_repeatable, Flyway's repeatable migrations (1)")
    assert start.indexOf('Finished upgrade V4 -> R_repeatable') < start.indexOf('Started ShopApplication')
    assert start.contains('Customer totals: ada 14.75, grace 99.00')
    assert after.contains('BUILD SUCCESS')

    assert ItDatabase.query(url, 'SELECT version_num FROM migrate_version') == ['R_repeatable']
    assert ItDatabase.query(url, "SELECT revision || ' ' || direction || ' ' || applied_by FROM migrate_history ORDER BY id") ==
            ['V1 imported app (Flyway)', 'V2 imported app (Flyway)', 'V3 upgrade app', 'V4 upgrade app',
             'R_repeatable upgrade app']
    // Flyway's table as Flyway left it: V1, V2 and the view, nothing written since
    assert ItDatabase.query(url, "SELECT coalesce(version, 'R') || ' ' || success FROM flyway_schema_history ORDER BY installed_rank") ==
            ['1 true', '2 true', 'R true']
    // what V3 and V4 built, on production's rows
    assert ItDatabase.query(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'customers' ORDER BY ordinal_position") ==
            ['id', 'name', 'email', 'updated_at']
    assert ItDatabase.query(url, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal") == ['customers_touch']
    assert ItDatabase.query(url, "SELECT indexdef FROM pg_indexes WHERE indexname = 'customers_email'") ==
            ['CREATE UNIQUE INDEX customers_email ON public.customers USING btree (email)']
    assert ItDatabase.query(url, "SELECT obj_description('customers'::regclass)") == ['who buys; kept by shop-team']
    assert ItDatabase.query(url, 'SELECT count(*) FROM orders') == ['3']
    assert !log.contains('switch-secret-pw')
} finally {
    ItDatabase.stop(basedir)
}
true
