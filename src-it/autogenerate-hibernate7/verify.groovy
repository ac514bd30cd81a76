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
assert source.contains('column("status", "character varying(20)").notNull().defaultValue("\'ACTIVE\'::character varying")')
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
true
