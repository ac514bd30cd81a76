import dev.migrate.testing.ItDatabase
ItDatabase.start(basedir, 25493, 'standby-pw')
ItDatabase.startStandby(basedir, 25493, 25494)

true
