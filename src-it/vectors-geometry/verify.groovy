import dev.migrate.testing.ItDatabase
try {
    def app = 'jdbc:postgresql://127.0.0.1:25679/app'
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
    assert runs.size() == 8 : "eight Maven runs in the log, found ${runs.size()}"
    [0, 1, 2, 4, 5, 6].each { i -> assert runs[i].contains('BUILD SUCCESS') : runs[i] }

    // the comparisons replay on throwaway servers of the installation that has both extensions, found on their own
    [0, 1, 3, 6].each { i ->
        assert runs[i] =~ /Starting a throwaway PostgreSQL 1\d\.\d+ from \S+ \(it has postgis, vector, which the embedded PostgreSQL [\d.]+ lacks\)/ : runs[i]
    }
    runs.each { run -> assert !run.contains('Starting a throwaway embedded PostgreSQL') : run }
    // check is clean after each change, on the database the migrations were applied to
    [0, 1, 5, 6].each { i -> assert runs[i].contains('No differences: the entities match the schema at head.') : runs[i] }

    def migrations = new File(basedir, 'src/main/java/db/migrations').listFiles()
            .findAll { it.name.endsWith('.java') }
            .sort { it.name }
    assert migrations*.name.collect { it.replaceAll(/V\d{8}_\d{6}_/, '') } ==
            ['DocumentsAndPlaces.java', 'Summary.java', 'Dimension.java', 'Ivfflat.java'] : migrations*.name
    def upgrade = { File file ->
        def java = file.text
        java.substring(java.indexOf('void upgrade'), java.indexOf('void downgrade'))
    }

    // 1: the extensions first, the columns with their typmods, the indexes with their methods, operator classes and
    // storage parameters
    def first = upgrade(migrations[0])
    assert first.contains('op.createObject(ObjectKind.EXTENSION, "postgis"') : first
    assert first.contains('op.createObject(ObjectKind.EXTENSION, "vector"') : first
    assert first.indexOf('ObjectKind.EXTENSION') < first.indexOf('op.createTable(') : first
    assert first.contains('column("embedding", "vector(3)")') : first
    assert first.contains('column("location", "geometry(Point,4326)")') : first
    assert first.contains('expr("embedding public.vector_cosine_ops"))\n                .using("hnsw").with("m", 16).with("ef_construction", 64)') : first
    assert first.contains('op.createIndex(index("place_location_idx", "place", "location").using("gist"));') : first

    // 2: a second vector column
    assert upgrade(migrations[1]).contains('op.addColumn("vector_store", column("summary", "vector(3)"));') : migrations[1].text

    // 3: the dimension changes: two stored documents have the old one, so the migration checks first and stops
    def third = upgrade(migrations[2])
    assert third.indexOf('op.requireNoRows(') >= 0 && third.indexOf('op.requireNoRows(') < third.indexOf('op.alterColumnType("vector_store", "embedding", "vector(4)");') : third
    assert runs[3].contains('public.vector_store.embedding: 2 values do not have 4 dimensions (e.g. \'[0.1,0.2,0.3]\')') : runs[3]
    assert runs[3].contains('BUILD FAILURE')
    assert runs[3].contains('ERROR: compute the values of public.vector_store.embedding again with 4 dimensions (or set them to NULL) before its type changes (2 rows found)') : runs[3]
    assert runs[3].contains('was not applied and nothing was recorded for it') : runs[3]
    // once they are NULL, it goes through
    assert runs[5] =~ /Running upgrade \d+_\d+ -> \d+_\d+, dimension/ : runs[5]

    // 4: the index built again with another method, and lint's measure of the build
    def fourth = upgrade(migrations[3])
    assert fourth.indexOf('op.dropIndex("vector_store_embedding_idx");') < fourth.indexOf('.using("ivfflat").with("lists", 100)') : fourth
    assert fourth.contains('Hazard [index-not-concurrent]') : fourth

    // the database is as the chain says
    assert ItDatabase.query(app, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'vector_store'::regclass AND attname IN ('embedding', 'summary') ORDER BY attname") == ['vector(4)', 'vector(3)']
    assert ItDatabase.query(app, "SELECT indexdef FROM pg_indexes WHERE indexname IN ('vector_store_embedding_idx', 'place_location_idx') ORDER BY indexname") == [
            'CREATE INDEX place_location_idx ON public.place USING gist (location)',
            'CREATE INDEX vector_store_embedding_idx ON public.vector_store USING ivfflat (embedding vector_cosine_ops) WITH (lists=\'100\')']

    // with no URL, the embedded default, whose binaries lack the extensions: the first one the chain creates is named
    // with the way out, and nothing was applied
    assert runs[7].contains('BUILD FAILURE')
    assert runs[7].contains('ERROR: extension "postgis" is not available') : runs[7]
    assert runs[7] =~ /The server lacks the extension postgis: no database URL is configured, so this goal ran on the embedded PostgreSQL [\d.]+, whose binaries carry PostgreSQL's contrib modules only, and no change to the migration makes it have postgis\. The PostgreSQL 1\d\.\d+ installed in \S+ has it: start a server of it, and give its URL: -Dmigrate.url=jdbc:postgresql:\/\/host:5432\/app or MIGRATE_DATABASE_URL\./ : runs[7]
} finally {
    ItDatabase.stopServerOn(new File(basedir, 'target/it-installed/data').toPath())
}
true
