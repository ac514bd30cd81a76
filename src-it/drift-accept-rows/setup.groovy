import dev.migrate.testing.ItDatabase
// the live database: the first migration builds it, then a row is changed there by hand
ItDatabase.start(basedir, 25957, 'accept-pw')
true
