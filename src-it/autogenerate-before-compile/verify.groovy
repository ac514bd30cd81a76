def log = new File(basedir, 'build.log').text
assert log.contains('was never compiled), so migrate:autogenerate would compare entities other than the ones you see. '
        + 'Run `mvn compile migrate:autogenerate`. Nothing was started.')
assert log.contains('Agent.java') || log.contains('Task.java') : 'the message names an uncompiled source'
assert !log.contains('PostgreSQL') : 'no server was started, no database was asked'
assert !new File(basedir, 'src/main/java/db/migrations').listFiles().any { it.name.endsWith('.java') } : 'no migration was written'
true
