def dir = new File(basedir, 'src/main/java/db/migrations')
def written = dir.listFiles().findAll { it.name.endsWith('_AfterPlanned.java') }
assert written.size() == 1 : "one new migration in ${dir.list()}"
// the clock is behind the parent 20991231_235959, so the id is the parent's time plus one second
assert written[0].name == 'V21000101_000000_AfterPlanned.java'
def text = written[0].text
assert text.contains('@Revision(id = "21000101_000000", revises = "20991231_235959", message = "after_planned")')
assert text =~ /(?m)^ \* <p>Revises 20991231_235959\. Written \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by migrate:revision\.$/
def log = new File(basedir, 'build.log').text
assert log.contains('21000101_000000 (head)') : 'the new revision is the only head'
assert !log.contains('20991231_235959 (head)')
true
