def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 2 : "two Maven runs in the log, found ${runs.size()}"
runs.each { run ->
    assert run.contains('[INFO] Watching target/classes and src/main/resources/db/objects')
    assert run =~ /Cycle 1 took \d+ ms\./
}

// 1: what check says, and the build fails as check's does: a script or CI sees the differences in its exit code
assert runs[0].contains('BUILD FAILURE')
assert runs[0].contains('The entities differ from the schema at head in 2 ways:')
assert runs[0].contains('  - added column public.agents.email')
assert runs[0].contains('  - added column public.agents.nickname')

// 2: the migration written as autogenerate writes it
assert runs[1].contains('BUILD SUCCESS')
assert runs[1].contains('[INFO] Writing the migration of what differs between the entities and the schema at head.')
assert runs[1].contains('Detected added column public.agents.email')
assert runs[1].contains('Detected added column public.agents.nickname')
def migrations = new File(basedir, 'src/main/java/db/migrations')
def written = migrations.listFiles().findAll { it.name.endsWith('_AgentContact.java') }
assert written.size() == 1 : "one migration written, found ${migrations.list()}"
def text = written[0].text
assert text.contains('"nickname"') && text.contains('"email"')
assert text.contains('message = "agent-contact"')
true
