def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'src/main/java/db/migrations')
def written = dir.listFiles().findAll { it.name.endsWith('.java') }
assert written.size() == 1 : "exactly one migration written, found ${written*.name}"
def source = written[0].text
// the @View entity is a view, read back from the catalog as the database will spell it, and compared so
assert source.contains('op.createObject(ObjectKind.VIEW, "openticket",')
assert source.contains('+ "  WHERE (closed IS NULL);");')
assert source.contains('op.execute("create cast (varchar as Severity) with inout as implicit");')
assert source.contains('op.dropObject(ObjectKind.VIEW, "openticket",')
assert source.contains('op.execute("drop cast (varchar as Severity)");')
assert source.contains('desc("opened")')
assert source.contains('.where("(closed IS NULL)")')
assert source.indexOf('public void downgrade') < source.indexOf('op.dropObject(ObjectKind.VIEW, "openticket",')
assert source.indexOf('op.createTable("tickets"') < source.indexOf('op.createObject(ObjectKind.VIEW, "openticket",')
// the header autogenerate writes, read with its line breaks undone, and nothing past column 100
def header = source.substring(source.indexOf('/**'), source.indexOf('*/')).readLines()
        .collect { it.replaceFirst(/^ \* ?/, '') }.join(' ')
assert header.contains('<p>Revises nothing: this is the first migration.') : header
assert header =~ /Written \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by migrate:autogenerate from the entity DDL of hibernate-core 7\.4\.6\.Final: review before applying\./
assert source =~ /\*\/\n@Revision\(id = "\d{8}_\d{6}", message = "create tickets"\)\n/
def longLines = source.readLines().findAll { it.length() > 100 }
assert longLines.isEmpty() : "lines over 100 columns: ${longLines}"

assert log.contains('Detected added view public.openticket')
assert log.contains('Detected added cast (Severity as varchar)')
assert log.contains('No differences: the entities match the schema at head.')
assert log.contains('Verified downgrade to base')
assert log.contains('every step round-trips and the head matches the entities')
assert log.contains('No changes detected: the entities match the schema at head. Nothing written.')
true
