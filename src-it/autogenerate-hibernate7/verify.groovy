def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'src/main/java/db/migrations')
def written = dir.listFiles().findAll { it.name.endsWith('.java') }
assert written.size() == 1 : "exactly one migration written, found ${written*.name}"
def file = written[0]
assert file.name ==~ /V\d{8}_\d{6}_CreateAgentsAndTasks\.java/
def source = file.text
assert source.contains('import static dev.migrate.Ddl.*;')
assert source.contains('op.createTable("agents"')
assert source.contains('op.createTable("task"')
// the short spellings people write, and no cast PostgreSQL adds back by itself
assert source.contains('column("status", "varchar(20)").notNull().defaultValue("\'ACTIVE\'")')
assert source.contains('column("name", "varchar(100)").notNull().unique(),')
assert !source.contains('agents_name_key')
// Hibernate writes timestamp(6) with time zone; (6) is the default precision, so it goes
assert source.contains('column("createdat", "timestamptz")')
assert !source.contains('(6)')
assert !source.contains('"character varying') : 'no long type spelling in a column'
// the key inline on its column, named by PostgreSQL as before
assert source.contains('column("id", "bigint").identity().primaryKey(),')
assert source.contains('column("id", "bigint").primaryKey(),')
assert !source.contains('primaryKey("agents_pkey"') && !source.contains('primaryKey("task_pkey"')
// a check named as PostgreSQL would name it loses the name, and reads as the IN list it means
assert source.contains('check("status IN (\'ACTIVE\', \'RETIRED\')")')
assert !source.contains('::character varying)::text')
assert !source.contains('agents_status_check')
// the header, the one-line @Revision, and nothing past column 100
assert source =~ /(?s)\/\*\*\n \* create agents and tasks\n \*\n \* <p>Revises nothing: this is the first migration\. Written \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by\n \* migrate:autogenerate from the entity DDL of hibernate-core 7\.4\.6\.Final: review before applying\.\n \*\n \* <p>Hazards: none found\.\n \*\/\n@Revision\(id = "\d{8}_\d{6}", message = "create agents and tasks"\)\n/
def longLines = source.readLines().findAll { it.length() > 100 }
assert longLines.isEmpty() : "lines over 100 columns: ${longLines}"
assert source.contains('op.commentOnColumn("agents", "status", "Operational status");')
assert source.contains('op.commentOnTable("agents", "Agents that run tasks");')
assert source.contains('op.createIndex("ix_agents_status", "agents", "status");')
assert source.contains('.onDelete(CASCADE)')
assert source.contains('op.dropTable("agents");')
// grouped per table, a table after the one it points at: agents with its index, then task with its foreign key
def upgrade = source.substring(source.indexOf('public void upgrade'), source.indexOf('public void downgrade'))
assert upgrade.indexOf('op.createIndex("ix_agents_status"') < upgrade.indexOf('op.createTable("task"')
assert upgrade.indexOf('op.createTable("task"') < upgrade.indexOf('op.addForeignKey("task"')
// the downgrade is the reverse tree
def downgrade = source.substring(source.indexOf('public void downgrade'))
assert downgrade.indexOf('op.dropConstraint("task"') < downgrade.indexOf('op.dropTable("task");')
assert downgrade.indexOf('op.dropTable("task");') < downgrade.indexOf('op.dropIndex("ix_agents_status")')
assert downgrade.indexOf('op.dropIndex("ix_agents_status")') < downgrade.indexOf('op.dropTable("agents");')
assert source.indexOf('public void downgrade') < source.indexOf('op.dropTable("task");')

assert log.contains('Detected added table public.agents')
assert log.contains('HibernatePersistenceProvider 7.4.6.Final')
assert log.contains('Detected added foreign key [agent_id] -> agents[id] on public.task')
assert log.contains('No differences: the entities match the schema at head.')
// check compares the same entities autogenerate just built: the entity schema comes from the cache
assert log.contains('Entity schema taken from the cache in target/migrate/entity-cache (the entities are unchanged).')
assert log.contains('Verified downgrade to base')
assert log.contains('every step round-trips and the head matches the entities')
assert log.contains('No changes detected: the entities match the schema at head. Nothing written.')
assert !new File(basedir, 'target/migrate').listFiles().any { it.name.startsWith('throwaway-') } : 'throwaway data removed'

// Hibernate's own lines (its banner, HHH000181 "no connection provider") stay out of autogenerate, check
// and verify, and show under -X (the third invocation; autogenerate, check and verify share the first)
def invocations = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert invocations.size() == 3
invocations.take(2).eachWithIndex { text, i -> assert !text.contains('HHH') : "invocation ${i + 1} shows Hibernate's lines" }
assert invocations[2].readLines().any { it ==~ /\[(DEBUG|INFO|WARNING)\] HHH\d{6}.*/ } : 'mvn -X shows them'
true
