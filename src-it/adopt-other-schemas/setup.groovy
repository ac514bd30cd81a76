import dev.migrate.testing.ItDatabase
// A database whose application keeps its tables in schema sales, with a money domain from a shared schema
ItDatabase.start(basedir, 25985, 'other-pw')
ItDatabase.execute('jdbc:postgresql://localhost:25985/postgres', 'CREATE DATABASE fresh OWNER app')
ItDatabase.execute('jdbc:postgresql://localhost:25985/app',
        'SET ROLE app',
        'CREATE SCHEMA sales',
        'CREATE SCHEMA shared',
        'CREATE DOMAIN shared.money_amount AS numeric(12,2) CHECK (VALUE >= 0)',
        "CREATE TYPE sales.order_status AS ENUM ('new', 'paid')",
        'CREATE TABLE sales.customers (id bigserial PRIMARY KEY, name text NOT NULL)',
        'CREATE TABLE sales.orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES sales.customers, '
                + "status sales.order_status NOT NULL DEFAULT 'new', total shared.money_amount)",
        'CREATE INDEX orders_status_idx ON sales.orders (status)')
true
