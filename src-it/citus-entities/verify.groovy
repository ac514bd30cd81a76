
// shared/ beside the repository, wherever the invoker runs the project
def scripts = null
for (def dir = basedir.canonicalFile; dir != null && scripts == null; dir = dir.parentFile) {
    if (new File(dir, 'shared/citus/cluster.sh').exists()) {
        scripts = new File(dir, 'shared/citus')
    }
}
scripts = scripts ?: new File(basedir, 'shared/citus')
try {
    def written = new File(basedir, 'src/main/java/db/migrations').listFiles().findAll { it.name.endsWith('.java') }
    assert written.size() == 1
    def java = written[0].text
    assert java.contains('op.createReferenceTable("countries");')
    assert java.contains('op.distributeTable("customers", "id", "none", 4);')
    assert java.contains('op.distributeTable("orders", "customer_id", "customers");')
    // the foreign keys come once the tables are spread
    def upgrade = java.substring(java.indexOf('void upgrade'), java.indexOf('void downgrade'))
    assert upgrade.indexOf('op.distributeTable("orders"') < upgrade.indexOf('op.addForeignKey(')

    def log = new File(basedir, 'build.log').text
    assert log.contains('No differences: the entities match the schema at head.')

    def rows = []
    // the driver itself: DriverManager does not see the scripts' class path
    new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5660/postgres?user=postgres', new Properties()).withCloseable { c ->
        c.createStatement().executeQuery("""
                SELECT logicalrelid::regclass::text, partmethod, coalesce(column_to_column_name(logicalrelid, partkey), '-')
                FROM pg_dist_partition WHERE NOT autoconverted ORDER BY 1""").with { rs ->
            while (rs.next()) {
                rows << rs.getString(1) + ' ' + rs.getString(2) + ' ' + rs.getString(3)
            }
        }
    }
    assert rows == ['countries n -', 'customers h id', 'orders h customer_id'], rows
    // drift and verify replayed the chain where Citus is, in databases they dropped afterwards
    assert log.count('The database is a Citus coordinator: the migrations are replayed in a database of their own') >= 2
    assert log.contains('No drift: ')
    assert log.contains('every step round-trips and the head matches the entities')
    def left = []
    new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5660/postgres?user=postgres', new Properties()).withCloseable { c ->
        c.createStatement().executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'migrate_citus_%'").with { rs ->
            while (rs.next()) {
                left << rs.getString(1)
            }
        }
    }
    assert left.isEmpty(), left
} finally {
    new ProcessBuilder(new File(scripts, 'cluster.sh').path, 'stop', '5660').redirectErrorStream(true).start().waitFor()
}
true
