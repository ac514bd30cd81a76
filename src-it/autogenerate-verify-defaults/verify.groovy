def log = new File(basedir, 'build.log').text
def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.contains('TightenAgents') }
assert written.size() == 1 : 'the plain form with default settings: ' + written*.name
def source = written[0].text
assert source.contains('op.setNotNull("agents", "name")')
assert source.contains('ix_agents_name')

// verify at its defaults: the round trip passes and the lint's lock findings are reported as warnings
assert log.contains('[WARNING] 20') && log.contains('[index-not-concurrent]')
assert log.contains('These lock and rewrite findings are reported, not judged')
// migrate:lint judges them, and so does verify with failOn=error
assert log.contains('lint findings at or above failOn=error') || log.contains('lint finding at or above failOn=error')
assert new File(basedir, 'target/migrate/lint-error.json').exists()
true
