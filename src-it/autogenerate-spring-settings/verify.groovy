def log = new File(basedir, 'build.log').text
// written where the application's migrate.packages says its starter runs them from, and read from there by check
def written = new File(basedir, 'src/main/java/com/example/db').listFiles().findAll { it.name.endsWith('.java') }
assert written.size() == 1
assert written[0].text.startsWith('package com.example.db;')
assert log.contains('Using the packages of migrate.packages in application.yml: com.example.db. The packages setting wins over them.')
def source = written[0].text
// Spring's snake case, and the Instant stored as timestamp without time zone as application.yml asks,
// written in the short spellings (timestamp is without time zone; Hibernate's (6) is the default precision)
assert source.contains('column("first_name", "varchar(255)")')
assert source.contains('column("created_at", "timestamp")')
assert !source.contains('(6)')
assert !source.contains('with time zone')
assert !source.contains('timestamptz')
assert log.contains('Using the Spring Boot JPA settings of application.yml: hibernate.jdbc.time_zone, hibernate.type.preferred_instant_jdbc_type.')
assert log.contains('No differences: the entities match the schema at head.')
// the profile's naming strategy turns first_name into firstname: check sees the difference
assert log.contains('(profiles legacy-naming): hibernate.jdbc.time_zone, hibernate.physical_naming_strategy, hibernate.type.preferred_instant_jdbc_type.')
assert log.contains('firstname')
true
