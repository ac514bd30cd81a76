def log = new File(basedir, 'build.log').text
def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }
assert written.size() == 1
// persistence.xml's naming strategy: fullName is full_name
assert written[0].text.contains('column("full_name", "varchar(255)")') : written[0].text
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 3
assert runs[0].contains('No differences: the entities match the schema at head.')
// without the unit, Hibernate's own naming: the column would be fullname
assert runs[1].contains('added column public.customer.fullname')
// the plugin's setting gives the same naming as the unit's property
assert runs[2].contains('No differences: the entities match the schema at head.')
true
