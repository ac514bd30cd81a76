def log = new File(basedir, 'build.log').text
assert log.contains('Replaying 1 migration on it.')
assert log.contains('The entities differ from the schema at head in 1 way:')
assert log.contains('- added column public.agents.nickname')
assert log.contains('mvn compile migrate:autogenerate')
assert log.contains('BUILD FAILURE')
assert !log.contains('taken from the cache') : 'a first run builds the entity schema'
// nothing is written by check
assert new File(basedir, 'src/main/java/db/migrations').listFiles().size() == 1
true
