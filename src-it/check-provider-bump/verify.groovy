def log = new File(basedir, 'build.log').text
assert log.contains('No differences: the entities match the schema at head.')
def kept = new File(basedir, 'target/migrate/entity-model.properties')
assert kept.text.contains('provider=hibernate-core 6.6.56.Final') : kept.text
// the bump alone: time becomes time(0), and check says where it comes from
assert log.contains('column public.shift.startsat: type time -> time(0)')
assert log.contains('This difference comes from hibernate-core 6.6.56.Final -> 7.0.10.Final, not from your entities: no entity class changed since they last matched the schema at head.')
assert log.contains('-Dmigrate.message="hibernate-core 7.0.10.Final DDL"')
assert log.contains('keep hibernate-core at 6.6.56.Final')
// a failing check keeps the model that last matched
assert kept.text.contains('provider=hibernate-core 6.6.56.Final') : kept.text
true
