import dev.migrate.testing.ItDatabase
// a password with the characters URLs and forms treat specially
ItDatabase.start(basedir, 25396, 's3cr+t@pw:!')

true
