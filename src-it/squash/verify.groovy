import dev.migrate.testing.ItDatabase

def log = new File(basedir, 'build.log').text
def migrations = new File(basedir, 'src/main/java/db/migrations')
def squashes = migrations.listFiles().findAll { it.text.contains('replaces = ') }
assert squashes.size() == 1 : 'one squash written'
def squash = squashes[0].text
def id = (squash =~ /id = "(\d{8}_\d{6})"/)[0][1]

// the squash names what it replaces, the last one the revision it stands for, and revises nothing
assert squash.contains('replaces = {"20260101_000001", "20260101_000002", "20260101_000003", "20260101_000004", '
        + '"20260101_000005", "20260101_000006"}')
assert !squash.contains('revises = ')
assert squash.contains('migrate:squash: review before applying.')
// the schema at 000006, from nothing: tables, the foreign key, the index
assert squash.contains('op.createTable("customers"')
assert squash.contains('op.createTable("statuses"')
assert squash.contains('"fk_customers_plan"')
assert squash.contains('"ix_customers_name"')
// the objects beside tables the range made, after what they read
assert squash.contains('op.createObject(ObjectKind.FUNCTION, "yearly(price numeric)"')
assert squash.contains('op.createObject(ObjectKind.VIEW, "customer_plans"')
assert squash.indexOf('ObjectKind.VIEW, "customer_plans"') > squash.indexOf('ObjectKind.FUNCTION, "yearly(')
assert squash.indexOf('ObjectKind.VIEW, "customer_plans"') > squash.indexOf('op.createTable("customers"')
// the data steps are listed and carried after the schema as the rows they leave, the UPDATE applied
assert log.contains('The range has 4 data steps, carried into the squash as the rows they leave in a new database:')
assert log.contains('20260101_000002: INSERT INTO plans')
assert log.contains('20260101_000004: INSERT INTO statuses')
assert log.contains('20260101_000005: (the JDBC code of the migration, op.jdbc)')
assert log.contains('20260101_000006: UPDATE plans SET price = price * 2')
assert squash.indexOf('op.bulkInsert("plans"') > squash.indexOf('op.createTable("plans"')
assert squash.contains('row1.put("price", "20")') && squash.contains('row2.put("price", "50")')
assert squash.contains('op.bulkInsert("statuses"')
assert squash.contains('row1.put("name", "first customer")')
assert squash.contains("setval('public.customers_id_seq', 1)")
assert squash.indexOf('op.bulkInsert("plans"') < squash.indexOf('op.bulkInsert("customers"') : 'parents of foreign keys first'

// verify proves the squash against the chain, at 000006 and at head
assert log.contains("Verified squash ${id}: it builds the schema of the 6 revisions it replaces, up to 20260101_000006, and reaches the same head.")

// a new database takes the squash, then 000007, which still revises 000006
def db = { String sql -> ItDatabase.queryEmbedded(new File(basedir, 'target/migrate/pgdata'), sql) }
assert db("SELECT revision || ':' || direction FROM migrate_history ORDER BY id") == ["${id}:upgrade", '20260101_000007:upgrade']
assert db('SELECT version_num FROM migrate_version') == ['20260101_000007']
assert db("SELECT code || '=' || price FROM plans ORDER BY code") == ['basic=20', 'pro=50']
assert db("SELECT code FROM statuses ORDER BY code") == ['active', 'closed']
assert db("SELECT name || '/' || plan_code FROM customers") == ['first customer/pro']
assert db("SELECT name || '/' || yearly_price FROM customer_plans") == ['first customer/600'] : 'the view and the function it calls'
assert db("SELECT nextval('customers_id_seq')") == ['2'] : 'the sequence stands where the chain left it'
assert log.contains('20260101_000007 (head)')
true
