def dir = new File(basedir, 'src/main/java/db/migrations')
def written = dir.listFiles().findAll { it.name.contains('Join') }
assert written.size() == 1 : "one merge migration in ${dir.list()}"
def text = written[0].text
assert text.contains('revises = {"20260101_000002", "20260101_000003"}') || text.contains('revises = {"20260101_000003", "20260101_000002"}')
def id = (written[0].name =~ /^V(\d{8}_\d{6})_/)[0][1]
assert text =~ /(?m)^ \* <p>Merges 20260101_00000[23], 20260101_00000[23]\. Written .* UTC by migrate:merge\.$/
// two parents make the annotation longer than 100 columns, so it keeps one member a line
assert text.contains("@Revision(\n        id = \"${id}\",\n        revises = {")
def log = new File(basedir, 'build.log').text
assert log.contains("${id} (head)")
assert !log.contains('20260101_000002 (head)') : 'a single head remains'
true
