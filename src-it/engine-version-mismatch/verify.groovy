def log = new File(basedir, 'build.log').text
assert log.contains('The project depends on migrate-engine 0.0.1 but runs migrate-maven-plugin ')
assert log.contains('Use the same version for both')
true
