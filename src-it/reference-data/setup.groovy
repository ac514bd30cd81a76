import dev.migrate.testing.ItDatabase
// the live database the migrations are applied to, empty: the first migration builds it
ItDatabase.start(basedir, 25963, 'rows-pw')
// a second database of the same server, for an upgrade run without the context
ItDatabase.execute('jdbc:postgresql://localhost:25963/app', 'CREATE DATABASE plain OWNER app')
true
