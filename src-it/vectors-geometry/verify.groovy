def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
assert runs.size() == 8 : "eight Maven runs in the log, found ${runs.size()}"
runs.each { run -> assert run.contains('BUILD SUCCESS') : run }

// the comparisons ran on throwaway servers of the configured installation, which has both extensions, never on
// the embedded binaries, which lack them
assert runs[0].contains('Starting a throwaway PostgreSQL 15.') : runs[0]
assert runs[0].contains('(configured by migrate.postgres.home)') : runs[0]
runs.each { run -> assert !run.contains('Starting a throwaway embedded PostgreSQL') : run }
// check is clean after each change
[1, 3, 5, 7].each { i -> assert runs[i].contains('No differences: the entities match the schema at head.') : runs[i] }

def migrations = new File(basedir, 'src/main/java/db/migrations').listFiles()
        .findAll { it.name.endsWith('.java') }
        .sort { it.name }
assert migrations.size() == 4 : migrations*.name
def upgrade = { File file ->
    def java = file.text
    java.substring(java.indexOf('void upgrade'), java.indexOf('void downgrade'))
}

// 1: the extensions first, the columns with their typmods, the indexes with their methods, operator classes, options
def first = upgrade(migrations[0])
assert first.contains('vector') && first.contains('postgis') : first
assert first.indexOf('CREATE EXTENSION') < first.indexOf('op.createTable(') : first
assert first.contains('vector(3)') : first
assert first.contains('geometry(Point,4326)') : first
assert first.contains('USING hnsw (embedding vector_cosine_ops) WITH (m=\'16\', ef_construction=\'64\')') : first
assert first.contains('USING gist (location)') : first

// 2: a second vector column
def second = upgrade(migrations[1])
assert second.contains('summary') && second.contains('vector(3)') : second

// 3: the dimension changes: the column's type, guarded as a type change is
def third = upgrade(migrations[2])
assert third.contains('embedding') && third.contains('vector(4)') : third

// 4: the index built again with another method
def fourth = upgrade(migrations[3])
assert fourth.contains('USING ivfflat (embedding vector_cosine_ops) WITH (lists=\'100\')') : fourth
true
