import dev.migrate.testing.ItDatabase
// A production database that predates migrations: built by hand with bigserial keys, rows in every table,
// and a table that no entity maps, written by another job
ItDatabase.start(basedir, 25743, 'adopt-pw')
ItDatabase.execute('jdbc:postgresql://localhost:25743/postgres', 'CREATE DATABASE fresh OWNER app')
ItDatabase.execute('jdbc:postgresql://localhost:25743/app',
        'SET ROLE app',
        'CREATE TABLE customers (id bigserial PRIMARY KEY, email varchar(100) NOT NULL UNIQUE, name varchar(200), '
                + 'created_at timestamptz NOT NULL DEFAULT now())',
        "COMMENT ON TABLE customers IS 'People who buy from us'",
        'CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), '
                + "amount numeric(12,2) NOT NULL, status varchar(20) NOT NULL DEFAULT 'NEW', "
                + 'placed_at timestamptz NOT NULL DEFAULT now())',
        'CREATE INDEX orders_customer_id_idx ON orders (customer_id)',
        'CREATE TABLE audit_log (id serial PRIMARY KEY, happened_at timestamptz NOT NULL DEFAULT now(), entry text NOT NULL)',
        "COMMENT ON TABLE audit_log IS 'Written by the nightly job, read by the auditors'",
        // objects beside the tables, made by hand over the years
        'CREATE FUNCTION trim_entry() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.entry := trim(NEW.entry); '
                + 'RETURN NEW; END$$',
        'CREATE TRIGGER audit_log_trim BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION trim_entry()',
        'CREATE VIEW big_orders AS SELECT id, customer_id, amount FROM orders WHERE amount > 400',
        "COMMENT ON VIEW big_orders IS 'For the auditors'",
        "INSERT INTO customers (email, name) SELECT 'customer' || g || '@example.com', 'Customer ' || g "
                + 'FROM generate_series(1, 1000) g',
        'INSERT INTO orders (customer_id, amount, status) SELECT 1 + g % 1000, (g % 500) + 0.99, '
                + "CASE WHEN g % 3 = 0 THEN 'SHIPPED' ELSE 'NEW' END FROM generate_series(1, 5000) g",
        "INSERT INTO audit_log (entry) SELECT 'event ' || g FROM generate_series(1, 250) g")
true
