import dev.migrate.testing.ItDatabase
import java.sql.SQLException

ItDatabase.start(basedir, 25931, 'invalid-pw')
ItDatabase.execute('jdbc:postgresql://localhost:25931/postgres', 'CREATE DATABASE stop OWNER app')
['app', 'stop'].each { database ->
    def url = "jdbc:postgresql://localhost:25931/${database}"
    ItDatabase.execute(url,
            'SET ROLE app',
            'CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL)',
            "INSERT INTO accounts SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 1000) g",
            "INSERT INTO accounts VALUES (1001, 'user7@example.com')")
    // what an interrupted build leaves: the unique build meets the duplicate and fails, its index stays, invalid
    try {
        ItDatabase.execute(url, 'CREATE UNIQUE INDEX CONCURRENTLY ix_accounts_email ON accounts (email)')
        assert false : 'the build met the duplicate'
    } catch (SQLException e) {
        assert e.SQLState == '23505' : e.message
    }
    ItDatabase.execute(url, 'DELETE FROM accounts WHERE id = 1001')
    assert ItDatabase.query(url, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'ix_accounts_email'::regclass") == ['false']
}
true
