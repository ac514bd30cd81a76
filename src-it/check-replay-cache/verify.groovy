def log = new File(basedir, 'build.log').text
def count = { String text -> log.count(text) }
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 7 : "seven Maven runs in the log, found ${runs.size()}"

// 1: cold, the chain is replayed and its schema kept
assert runs[0].contains('Starting a throwaway embedded PostgreSQL')
assert runs[0].contains('Replaying 2 migrations on it.')
assert runs[0].contains('is not in target/migrate/replay-cache yet: they are replayed, and it is kept for the next run.')
assert runs[0].contains('No differences: the entities match the schema at head.')

// 2 and 3: warm, no server started, no provider asked
def inSync = 'The entities matched the schema at head (2 migrations on PostgreSQL '
[runs[1], runs[2]].each { run ->
    assert !run.contains('Starting a throwaway embedded PostgreSQL')
    assert !run.contains('Replaying')
    assert !run.contains('Asking the project\'s JPA provider')
}
// 2: nothing changed since run 1 found them in sync: neither side is read
assert runs[1].contains(inSync) : runs[1]
assert runs[1].contains('when last compared, and neither the chain nor their DDL, the declared objects or the settings have changed since (as target/migrate/replay-cache records): nothing was read or built')
// 3: another setting, so compared again: plain entities that match, their DDL read, so there is no entity schema to keep or take
assert !runs[2].contains(inSync) : runs[2]
assert runs[2].contains('taken from the cache in target/migrate/replay-cache and matched by the entities\' DDL, read without building it: nothing was replayed or built') : runs[2]
assert runs[1].contains('No differences: the entities match the schema at head.')
assert runs[2].contains('No changes detected: the entities match the schema at head. Nothing written.')

// 4: other entity settings: the provider runs, a server starts meanwhile; its DDL is unchanged, nothing is replayed
assert runs[3].contains('Asking the project\'s JPA provider')
assert runs[3].contains('Starting a throwaway embedded PostgreSQL')
// -Dmigrate.throwawayInMemory=false: on disk, beside the build's files, whatever memory the machine has
assert runs[3] =~ /Starting a throwaway embedded PostgreSQL \S+ with its data in target\/migrate\/throwaway-\d+ \(deleted when the goal ends\)/
// the provider's DDL is the DDL run 1 found in sync: nothing is read or built
assert runs[3].contains(inSync) : runs[3]
assert !runs[3].contains('Replaying')
assert runs[3].contains('No differences: the entities match the schema at head.')

// 5: verify tests the chain itself, so it always replays
assert runs[4].contains('Starting a throwaway embedded PostgreSQL')
assert runs[4].contains('every step round-trips and the head matches the entities')

// 6: the edited migration has another checksum: replayed again, and the drift it makes is found
assert runs[5].contains('Starting a throwaway embedded PostgreSQL')
assert runs[5].contains('Replaying 2 migrations on it.')
assert !runs[5].contains('no PostgreSQL was started')
assert runs[5].contains('The entities differ from the schema at head in 1 way:')
assert runs[5].contains('public.agents.legacy_code')
assert runs[5].contains('BUILD FAILURE')

// 7: an edited entity: the provider runs, the edited chain's schema comes from the replay cache, and of the
// entity side only the changed table is built on the server, the rest taken from the last build
assert runs[6].contains('Asking the project\'s JPA provider')
assert !runs[6].contains('Replaying')
assert runs[6].contains('taken from the cache in target/migrate/replay-cache: the migrations were not replayed; of the '
        + 'entity side only the table whose DDL changed was built, the rest taken from target/migrate/entity-cache.')
assert runs[6].contains('Detected added column public.agents.email')
assert runs[6].contains('BUILD SUCCESS')

def cache = new File(basedir, 'target/migrate/replay-cache')
assert cache.listFiles().count { it.name.endsWith('.replayed') } == 2 : 'one schema per chain'
assert !cache.listFiles().any { it.name.endsWith('.tmp') }
def migrations = new File(basedir, 'src/main/java/db/migrations').listFiles()
assert migrations.size() == 3 : 'nothing written by the third run, one migration by the seventh'
def written = migrations.find { it.name.endsWith('_AgentEmail.java') }
assert written != null : "the seventh run's migration, among ${migrations*.name}"
assert written.text.contains('"email"') : written.text
assert !new File(basedir, 'target/migrate').listFiles().any { it.name.startsWith('throwaway-') } : 'throwaway data removed'
// wherever each throwaway server kept its data (in memory on a machine with a tmpfs /dev/shm), it is gone
def places = (log =~ /Starting a throwaway embedded PostgreSQL \S+ with its data in (\S+?),? (?:in memory )?\(deleted when the goal ends\)/).collect { it[1] }
assert places.size() >= 3 : "a throwaway server in runs 1, 4, 5 and 6, found ${places}"
places.each { place ->
    def data = new File(place).absolute ? new File(place) : new File(basedir, place)
    assert !data.exists() : "throwaway data left in ${data}"
}
true
