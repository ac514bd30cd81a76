def log = new File(basedir, 'build.log').text
// Quarkus's own Hibernate describes the entities, not a second one
assert log.contains("Asking the project's JPA provider for the entity DDL: org.hibernate.jpa.HibernatePersistenceProvider 7.")
def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }
assert written.size() == 1
def source = written[0].text
// the naming strategy application.properties gives Quarkus's Hibernate: fullName is full_name, as the application expects
assert source.contains('column("full_name", "varchar(255)")') : source
assert !source.contains('"fullname"') : source
// only the packages of the persistence unit are compared
assert source.contains('op.createTable("customer",') : source
assert !source.contains('audit') : source
assert log.contains('Using the Quarkus Hibernate ORM settings of application.properties (profile prod): hibernate.physical_naming_strategy; the entities of com.example.shop.')
assert log.contains('No differences: the entities match the schema at head.')
// the profile's standard naming names the column fullname: check sees the difference
assert log.contains('(profile legacy): hibernate.physical_naming_strategy')
assert log.contains('added column public.customer.fullname')
true
