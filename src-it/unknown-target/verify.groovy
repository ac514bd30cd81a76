def log = new File(basedir, 'build.log').text
assert log.contains('nosuchrevision') : 'the message names the unknown revision'
assert log.contains('[ERROR]')
true
