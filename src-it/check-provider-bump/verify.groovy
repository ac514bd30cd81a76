def log = new File(basedir, 'build.log').text
assert log.contains('No differences: the entities match the schema at head.')
def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }
assert written.size() == 1
assert written[0].text.replaceAll(/\s*\n\s*\*\s*/, ' ').contains('by migrate:autogenerate from the entity DDL of hibernate-core 6.6.56.Final: review before applying.') : written[0].text
// the bump alone: time becomes time(0), and check says where it comes from
assert log.contains('column public.shift.startsat: type time -> time(0)')
assert log.contains('This difference comes from hibernate-core 6.6.56.Final -> 7.0.10.Final, not from your entities: no entity class changed since they last matched the schema at head.')
assert log.contains('-Dmigrate.message="hibernate-core 7.0.10.Final DDL"')
assert log.contains('keep hibernate-core at 6.6.56.Final')
// after a clean, as on a fresh checkout, the head migration's header tells what may be the provider's
assert log.contains('The head migration was written from the entity DDL of hibernate-core 6.6.56.Final, and the project now runs hibernate-core 7.0.10.Final: some of these differences may come from the provider.')
true
