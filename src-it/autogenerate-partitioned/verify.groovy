def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'src/main/java/db/migrations')
def written = dir.listFiles().findAll { it.name.endsWith('.java') && !it.name.startsWith('V20260101_000001') }
assert written.size() == 1 : "one migration written, found ${written*.name}"
def source = written[0].text

// the entity's new column goes on the parent, which gives it to every partition
assert source.contains('op.addColumn("events", column("severity", "integer"));')
assert source.contains('op.dropColumn("events", "severity");')
// partitions are no tables of their own: none dropped, none named
['events_2026_01', 'events_2026_02', 'events_default', 'alarm_comment_0', 'alarm_comment_other'].each {
    assert !source.contains(it) : "partition ${it} in the migration:\n${source}"
}
assert !source.contains('dropTable') && !source.contains('dropPartition')
// the index made on the parent is the entity's index: no difference
assert !source.contains('idx_events_device')
// no key PostgreSQL refuses on a partitioned table (SQLSTATE 0A000), and the migration says why
assert !source.contains('addPrimaryKey') && !source.contains('primaryKey(')
def text = source.readLines().collect { it.replaceFirst(/^\s*\/\/ ?/, '') }.join(' ')
assert text.contains('Left out primary key [id] of public.alarm_comment') : source
assert text.contains('every partition column [created_time]') : source
assert text.contains('public.events kept: partitioned by range (created_time), 3 partitions') : source

// check lists no partition and names what it keeps; verify replayed the chain both ways
assert log.contains('kept: partitioned by list (created_time), 2 partitions (1 of them partitioned in turn, 4 at all levels)')
assert log.contains('No differences: the entities match the schema at head.')
assert !(log =~ /(?m)^\[ERROR\]/)
// the second autogenerate found nothing
assert log.contains('No changes detected')
true
