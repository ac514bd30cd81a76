import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('The entities differ from the schema at head in ')
assert log.contains('The changes are summarised in target/migrate/changes.md and target/migrate/changes.json, and appended to the job summary target/step-summary.md.')

// autogenerate ran last and wrote the same files
def md = new File(basedir, 'target/migrate/changes.md').text
assert md.startsWith('## Schema changes (migrate:autogenerate)\n\n')
assert md.contains('- added table public.teams\n')
assert md.contains('- added column public.agents.nickname\n')
assert md.contains('```mermaid\nerDiagram\n')
assert md.contains('    teams["teams (new)"] {\n        bigint id PK "new"\n        varchar(60) title UK "new"\n    }\n')
assert md.contains('    agents["agents (altered)"] {\n')
assert md.contains('        varchar(40) nickname "added"\n        bigint team_id "added"\n')
// team_id is added NOT NULL: each agent has exactly one team
assert md =~ /    teams \|\|\.\.o\{ agents : "\w+"\n/

def json = new JsonSlurper().parse(new File(basedir, 'target/migrate/changes.json'))
assert json.version == 1
assert json.goal == 'autogenerate'
def nickname = json.changes.find { it.object == 'column public.agents.nickname' }
assert nickname.kind == 'added'
assert nickname.before == null
assert nickname.after == 'column public.agents.nickname varchar(40)' || nickname.after.startsWith('column public.agents.nickname')
assert json.changes.find { it.object == 'table public.teams' }.kind == 'added'
json.changes.each { assert it.keySet() == ['kind', 'object', 'attribute', 'before', 'after', 'description', 'hazards', 'measured', 'notes'] as Set }
assert json.warnings == []

// the job summary: what the step wrote before, then check's summary, then autogenerate's
def summary = new File(basedir, 'target/step-summary.md').text
assert summary.startsWith('# Build\n\n## Schema changes (migrate:check)\n\n')
assert summary.indexOf('## Schema changes (migrate:autogenerate)') > summary.indexOf('## Schema changes (migrate:check)')
assert summary.count('```mermaid') == 2
def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.contains('AddTeams') }
assert written.size() == 1
true
