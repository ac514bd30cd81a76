def log = new File(basedir, 'build.log').text
def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }
assert written.size() == 1
def source = written[0].text
assert source.contains('op.createTable("agent_profile"')
assert source.contains('column("display_name", "varchar(255)")')
assert source.contains('op.createTable("skill_tag"')
assert source.contains('column("tag_name", "varchar(255)")')
// Spring's implicit strategy names a join table {owning table}_{property}: agent_profile_skill_tags
assert source.contains('op.createTable("agent_profile_skill_tags"')
assert source.contains('column("skill_tags_id", "bigint").notNull()')
assert !source.contains('"AgentProfile"') && !source.contains('displayName')
assert log.contains('HibernatePersistenceProvider 6.6.56.Final')
assert log.contains('No differences: the entities match the schema at head.')
true
