def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 2 : "two Maven runs in the log, found ${runs.size()}"

// 1: a fresh checkout's check reads both sides and starts no server
assert runs[0].contains('The schema at head read from the SQL of the 2 migrations and matched by the entities\' DDL, read without building it: no PostgreSQL was started.')
assert !runs[0].contains('Starting a throwaway embedded PostgreSQL')
assert !runs[0].contains('Replaying')
assert runs[0].contains('No differences: the entities match the schema at head.')
assert runs[0].contains('BUILD SUCCESS')

// 2: autogenerate replays on a throwaway server and keeps the schema for the next run
assert runs[1].contains('Starting a throwaway embedded PostgreSQL') : runs[1]
assert runs[1].contains('Replaying 2 migrations on it.') : runs[1]
assert runs[1].contains('No changes detected: the entities match the schema at head. Nothing written.') : runs[1]

def cache = new File(basedir, 'target/migrate/replay-cache')
assert cache.listFiles().count { it.name.endsWith('.replayed') } == 1 : 'the replayed schema kept by autogenerate'
assert new File(basedir, 'src/main/java/db/migrations').listFiles().size() == 2 : 'nothing written by autogenerate'
true
