def log = new File(basedir, 'build.log').text
assert log.contains('localhost:1')
assert log.contains('inventory')
assert !log.contains('refused-secret-4711')
true
