import dev.migrate.testing.ItDatabase
// the live database the migrations are applied to, empty: the first migration builds it
ItDatabase.start(basedir, 25991, 'table-level-pw')
true
