def dir = new File(basedir, 'src/main/java/db/migrations')
def written = dir.listFiles().findAll { it.name.endsWith('_Add_status_column.java') || it.name.endsWith('_AddStatusColumn.java') }
assert written.size() == 1 : "one new migration in ${dir.list()}"
def file = written[0]
def id = (file.name =~ /^V(\d{8}_\d{6})_/)[0][1]
def text = file.text
assert text.contains('package db.migrations;')
assert text.contains("id = \"${id}\"")
assert text.contains('revises = "20260101_000002"')
assert text.contains('implements Migration')
// the header says what it revises, when and by which goal it was written; the annotation fits one line
assert text =~ /(?m)^ \* add_status_column\n \*\n \* <p>Revises 20260101_000002\. Written \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by migrate:revision\.$/
assert text.contains("@Revision(id = \"${id}\", revises = \"20260101_000002\", message = \"add_status_column\")\n")
assert id > '20260101_000002' : 'the new id sorts after its parent'

assert new File(basedir, "target/classes/db/migrations/${file.name.replace('.java', '.class')}").exists() : 'it compiled'
def log = new File(basedir, 'build.log').text
assert log.contains("Wrote ${file.path}") || log.contains(file.name)
assert log.contains("${id} (head)") : 'the new revision is the head'
true
