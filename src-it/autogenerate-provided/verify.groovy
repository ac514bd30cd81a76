def log = new File(basedir, 'build.log').text
def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }
assert written.size() == 1 : "exactly one migration written, found ${written*.name}"
def source = written[0].text
assert source.contains('op.createTable("agents"')
// the header autogenerate writes, read with its line breaks undone, and nothing past column 100
def header = source.substring(source.indexOf('/**'), source.indexOf('*/')).readLines()
        .collect { it.replaceFirst(/^ \* ?/, '') }.join(' ')
assert header.contains('<p>Revises nothing: this is the first migration.') : header
assert header =~ /Written \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by migrate:autogenerate from the entity DDL of hibernate-core 7\.4\.6\.Final: review before applying\./
assert source =~ /\*\/\n@Revision\(id = "\d{8}_\d{6}", message = "create agents and tasks"\)\n/
def longLines = source.readLines().findAll { it.length() > 100 }
assert longLines.isEmpty() : "lines over 100 columns: ${longLines}"
assert log.contains('HibernatePersistenceProvider 7.4.6.Final') : 'the provided-scope provider was used'
assert !log.contains('no JPA provider') && !log.contains('no JPA API')
assert log.contains('No differences: the entities match the schema at head.')

// every jar of this build of migrate says which build it is, so caches keyed on it notice a new build
def repo = new File(basedir, '../../it-repo/dev/migrate')
['migrate-ops', 'migrate-engine', 'migrate-autogen', 'migrate-maven-plugin'].each { name ->
    def jar = new java.util.jar.JarFile(new File(repo, "${name}/0.1.0-SNAPSHOT/${name}-0.1.0-SNAPSHOT.jar"))
    def attributes = jar.manifest.mainAttributes
    assert attributes.getValue('Implementation-Version') == '0.1.0-SNAPSHOT' : "${name} has Implementation-Version"
    assert attributes.getValue('Migrate-Build') ==~ /\d{4}-\d\d-\d\dT.*/ : "${name} has its build time"
    jar.close()
}
true
