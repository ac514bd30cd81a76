def log = new File(basedir, 'build.log').text
assert log.contains('migrate:baseline needs a message. Add -Dmigrate.message="baseline". Nothing was read or written.')
assert log.contains('migrate:baseline reads the schema of the database you adopt, and no database URL is configured. '
        + 'Give it with -Dmigrate.url=postgresql://user@host:5432/database')
// the chain is checked before any connection: no server listens on that port
assert log.contains('migrate:baseline writes the first migration of a chain, and db.migrations already holds 1 '
        + 'revision: 20260101_000001 (create customers).')
assert log.contains('mark it as at the revision its schema matches (mvn compile migrate:stamp -Dmigrate.target=<id>)')
assert log.contains('delete those migration classes first. Nothing was written.')
assert !log.contains('Connection refused') && !log.contains('Could not connect')
def written = new File(basedir, 'src/main/java/db/migrations').listFiles()*.name
assert written == ['V20260101_000001_CreateCustomers.java'] : written
true
