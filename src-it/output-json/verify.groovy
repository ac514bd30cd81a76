import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 3 : "three Maven runs in the log, found ${runs.size()}"
def json = { String name -> new JsonSlurper().parse(new File(basedir, "target/migrate/${name}")) }

// 1: the upgrade's document in the file, the log as usual
def upgrade = json('upgrade.json')
assert upgrade.schema == 'migrate-output/1'
assert upgrade.command == 'upgrade'
assert upgrade.status == 'ok'
assert upgrade.error == null
assert upgrade.result.target == '20260101_000001'
assert upgrade.result.applied*.revision == ['20260101_000001']
assert upgrade.result.applied[0].direction == 'upgrade'
assert upgrade.result.applied[0].durationMs instanceof Number
assert upgrade.result.current*.id == ['20260101_000001']
assert upgrade.result.heads == ['20260101_000002']
assert runs[0].contains('Wrote the result of migrate:upgrade as JSON to target/migrate/upgrade.json.')
assert runs[0].contains('BUILD SUCCESS')

// 2: the gate fails the build, and its document says why, with what the database is at
def gate = json('gate.json')
assert gate.command == 'current'
assert gate.status == 'failed'
assert gate.result.current*.id == ['20260101_000001']
assert gate.result.atHeads == false
assert gate.error.type == 'dev.migrate.NotAtHeadException'
assert gate.error.message.contains('20260101_000002')
assert runs[1].contains('BUILD FAILURE')

// 3: without output.file, the document goes to standard output between Maven's lines
def start = runs[2].indexOf('{\n  "schema": "migrate-output/1"')
assert start >= 0 : 'the document on standard output'
def end = runs[2].indexOf('\n}\n', start)
def printed = new JsonSlurper().parseText(runs[2].substring(start, end + 2))
assert printed.command == 'current'
assert printed.status == 'ok'
assert printed.result.current*.id == ['20260101_000001']
assert !runs[2].contains('Wrote the result')
true
