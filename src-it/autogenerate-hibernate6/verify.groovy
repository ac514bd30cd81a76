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
assert source.contains('column("status", "varchar(20)").notNull().defaultValue("\'ACTIVE\'")')
assert source.contains('column("id", "bigint").identity().primaryKey(),')
assert source.readLines().every { it.length() <= 100 } : 'no line over 100 columns'
assert source.contains(' * <p>Hazards: none found.')
assert source.contains('op.commentOnColumn("agents", "status", "Operational status");')
assert source.contains('op.commentOnTable("agents", "Agents that run tasks");')
assert source.contains('op.createIndex("ix_agents_status", "agents", "status");')
assert source.contains('.onDelete(CASCADE)')
assert source.contains('op.dropTable("agents");')
assert source.indexOf('public void downgrade') < source.indexOf('op.dropTable("task");')

// the generator table's seed rows are written once, as Hibernate 6.6 writes them, and undone by the downgrade
assert source.contains('op.execute("insert into id_generators(gen_name, gen_value) values (\'skill\',0)");')
assert source.contains('op.execute("delete from id_generators where gen_name = \'skill\'");')
assert source.contains("values ('badge',100)")
assert !source.contains('TODO') : 'nothing left to write by hand'
assert log.contains("Detected added row gen_name = 'skill' of table id_generators")
assert !log.contains('not handled')

assert log.contains('Detected added table public.agents')
assert log.contains('HibernatePersistenceProvider 6.6.56.Final') : 'the project\'s own Hibernate 6.6 wrote the DDL'
assert log.contains('Detected added foreign key [agent_id] -> agents[id] on public.task')
assert log.contains('No differences: the entities match the schema at head.')
assert log.contains('Verified downgrade to base')
assert log.contains('every step round-trips and the head matches the entities')
assert log.contains('No changes detected: the entities match the schema at head. Nothing written.')
assert !new File(basedir, 'target/migrate').listFiles().any { it.name.startsWith('throwaway-') } : 'throwaway data removed'
true
