def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'src/main/java/db/migrations')
def written = dir.listFiles().findAll { it.name.endsWith('.java') && !it.name.startsWith('V20260101_000001') }
assert written.size() == 2 : "a migration and its concurrent part, found ${written*.name}"
def first = written.find { it.name ==~ /V\d{8}_\d{6}_TightenAgentsAndTasks\.java/ }
def second = written.find { it.name ==~ /V\d{8}_\d{6}_TightenAgentsAndTasksConcurrentPart\.java/ }
assert first != null && second != null : "${written*.name}"
def firstId = (first.name =~ /V(\d{8}_\d{6})_/)[0][1]
def secondId = (second.name =~ /V(\d{8}_\d{6})_/)[0][1]
assert secondId > firstId : 'the concurrent part sorts after the migration it revises'

def a = first.text
assert a.contains('revises = "20260101_000001"')
assert !a.contains('transactional = false')
assert a.contains('foreignKey("fk_tasks_agent", "agent_id")')
assert a.contains('.notValid()')
assert a.contains('check("agents_name_not_null_check", "name IS NOT NULL")')
assert !a.contains('CONCURRENTLY') && !a.contains('concurrently()')

def b = second.text
assert b.contains("revises = \"${firstId}\"")
assert b.contains('transactional = false')
assert b.contains('message = "tighten agents and tasks (concurrent part)"')
assert b.contains('CREATE INDEX CONCURRENTLY')
assert b.contains('op.createIndex(index("ix_tasks_agent", "tasks", "agent_id").concurrently());')
assert b.contains('op.createIndex(index("uk_agents_email", "agents", "email").unique().concurrently());')
assert b.contains('UNIQUE USING INDEX uk_agents_email')
assert b.contains('op.validateConstraint("tasks", "fk_tasks_agent");')
assert b.contains('op.validateConstraint("agents", "agents_name_not_null_check");')
assert b.contains('op.setNotNull("agents", "name");')
assert b.contains('op.dropIndexConcurrently("ix_tasks_agent");')
// each with the header autogenerate writes, read with its line breaks undone, and nothing past column 100
[[a, '20260101_000001'], [b, firstId]].each { source, parent ->
    def header = source.substring(source.indexOf('/**'), source.indexOf('*/')).readLines()
            .collect { it.replaceFirst(/^ \* ?/, '') }.join(' ')
    assert header.contains("<p>Revises ${parent}.") : header
    assert header =~ /Written \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by migrate:autogenerate from the entity DDL of hibernate-core 7\.4\.6\.Final: review before applying\./
    assert header.contains('<p>Hazards') : header
    def longLines = source.readLines().findAll { it.length() > 100 }
    assert longLines.isEmpty() : "lines over 100 columns: ${longLines}"
}

// the plain form's hazards are in the log, named by the lint's rule ids
assert log.contains('[index-not-concurrent]')
assert log.contains('[set-not-null-scan]')
assert log.contains('in the lock-safe form (-Dmigrate.safe=true) as 2 migrations')
// verify replayed both ways, and the next autogenerate found nothing
assert log.contains('No changes detected')
true
