def log = new File(basedir, 'build.log').text
assert log.contains('No database URL is configured and this build runs in CI (CI=true), so migrate:upgrade refuses to change the embedded database') : 'CI refuses the embedded database'
assert log.contains('The database URL from the environment variable MIGRATE_DATABASE_URL is set but empty') : 'an empty variable is named'
assert log.contains('Running upgrade <base> -> 20260101_000001') : 'embedded=true allows it'
assert log.contains('[WARNING] *** No database URL is configured: migrate:downgrade changes the EMBEDDED database') : 'outside CI a loud warning'
assert log.contains('Running downgrade 20260101_000002 -> 20260101_000001') : 'the downgrade ran'
true
