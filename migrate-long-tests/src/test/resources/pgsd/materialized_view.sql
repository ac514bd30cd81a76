-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/materialized_view_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: No-op
--@ flags: no-change
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL,
    bar VARCHAR(255) UNIQUE,
    buzz BOOLEAN DEFAULT true
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar
    FROM foobar
    WHERE buzz = true;

CREATE MATERIALIZED VIEW foobar_count AS
    SELECT COUNT(*) as total_count
    FROM foobar;

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL,
    bar VARCHAR(255) UNIQUE,
    buzz BOOLEAN DEFAULT true
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar
    FROM foobar
    WHERE buzz = true;

CREATE MATERIALIZED VIEW foobar_count AS
    SELECT COUNT(*) as total_count
    FROM foobar;


--@ case: Add materialized view
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL,
    bar DECIMAL(10,2),
    buzz INT
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL,
    bar DECIMAL(10,2),
    buzz INT
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar
    FROM foobar
    WHERE bar > 100.00;


--@ case: Add recursive materialized view
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL,
    parent_id INT REFERENCES foobar(id)
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL,
    parent_id INT REFERENCES foobar(id)
);

CREATE MATERIALIZED VIEW foobar_hierarchy AS
    WITH RECURSIVE hierarchy AS (
        SELECT id, foo, parent_id, 0 as level
        FROM foobar
        WHERE parent_id IS NULL
        UNION ALL
        SELECT f.id, f.foo, f.parent_id, h.level + 1
        FROM foobar f
        JOIN hierarchy h ON f.parent_id = h.id
    )
    SELECT * FROM hierarchy;


--@ case: Add materialized view with dependent table
--@ old
--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo INT NOT NULL,
    bar DECIMAL(10,2),
    buzz VARCHAR(50) DEFAULT 'pending'
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar
    FROM foobar
    WHERE buzz = 'pending';


--@ case: Add materialized view with dependent column
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL,
    bar VARCHAR(100)
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL,
    bar VARCHAR(100),
    buzz DECIMAL(10,2)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar, buzz
    FROM foobar;


--@ case: Drop materialized view
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT,
    buzz VARCHAR(100)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar
    FROM foobar
    WHERE bar < 10;

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT,
    buzz VARCHAR(100)
);


--@ case: Drop materialized view and underlying table
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar
    FROM foobar
    WHERE bar > CURRENT_DATE - INTERVAL '7 days';

--@ new

--@ case: Drop materialized view and underlying column
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT,
    buzz VARCHAR(255),
    fizz TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar, buzz
    FROM foobar;

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT,
    fizz TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);


--@ case: Recreate materialized view due to table recreation (unpartitioned to partitioned)
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo INT,
    bar DECIMAL(10,2),
    buzz DATE
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT DATE_TRUNC('month', buzz) as month, SUM(bar) as total
    FROM foobar
    GROUP BY DATE_TRUNC('month', buzz);

--@ new
CREATE TABLE foobar(
    id INT,
    foo INT,
    bar DECIMAL(10,2),
    buzz DATE,
    PRIMARY KEY (id, buzz)
) PARTITION BY RANGE (buzz);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT DATE_TRUNC('month', buzz) as month, SUM(bar) as total
    FROM foobar
    GROUP BY DATE_TRUNC('month', buzz);


--@ case: Recreate materialized view due dependent table changing
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar DECIMAL(10,2)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT foo, AVG(bar) as avg_bar
    FROM foobar
    GROUP BY foo;

--@ new
CREATE TABLE bar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar DECIMAL(10,2)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT foo, AVG(bar) as avg_bar
    FROM bar
    GROUP BY foo;


--@ case: Recreate materialized view due to dependent column changing
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    bar TIMESTAMP,
    foo VARCHAR(255),
    old_buzz VARCHAR(50)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, old_buzz as buzz
    FROM foobar
    WHERE old_buzz = 'active';

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    bar TIMESTAMP,
    foo VARCHAR(255),
    new_buzz VARCHAR(50)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, new_buzz as buzz
    FROM foobar
    WHERE new_buzz = 'active';


--@ case: alter - add column and change condition
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    bar TIMESTAMP,
    foo VARCHAR(255)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo
    FROM foobar

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    bar TIMESTAMP,
    foo VARCHAR(255)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar
    FROM foobar
    WHERE bar < CURRENT_TIMESTAMP


--@ case: alter - removing select column
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar VARCHAR(255),
    buzz VARCHAR(255),
    fizz BOOLEAN DEFAULT true
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar
    FROM foobar
    WHERE fizz = true;

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar VARCHAR(255),
    buzz VARCHAR(255),
    fizz BOOLEAN DEFAULT true
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT foo, bar
    FROM foobar
    WHERE fizz = true;


--@ case: alter - add fill factor option
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT,
    buzz TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT foo, bar, buzz
    FROM foobar
    WHERE buzz > CURRENT_DATE - INTERVAL '1 day';

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT,
    buzz TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE MATERIALIZED VIEW foobar_view WITH (fillfactor = 70) AS
    SELECT foo, bar, buzz
    FROM foobar
    WHERE buzz > CURRENT_DATE - INTERVAL '1 day';


--@ case: alter - change autovacuum option
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo INT NOT NULL,
    bar VARCHAR(50) DEFAULT 'pending',
    buzz DECIMAL(10,2) CHECK (buzz > 0)
);

CREATE MATERIALIZED VIEW foobar_view WITH (autovacuum_enabled = true) AS
    SELECT id, foo, buzz
    FROM foobar
    WHERE bar = 'pending';

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo INT NOT NULL,
    bar VARCHAR(50) DEFAULT 'pending',
    buzz DECIMAL(10,2) CHECK (buzz > 0)
);

CREATE MATERIALIZED VIEW foobar_view WITH (autovacuum_enabled = false) AS
    SELECT id, foo, buzz
    FROM foobar
    WHERE bar = 'pending';


--@ case: alter - add log_autovacuum_min_duration option
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL,
    bar DECIMAL(10,2) CHECK (bar > 0),
    buzz BOOLEAN DEFAULT true
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar
    FROM foobar
    WHERE buzz = true;

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL,
    bar DECIMAL(10,2) CHECK (bar > 0),
    buzz BOOLEAN DEFAULT true
);

CREATE MATERIALIZED VIEW foobar_view WITH (log_autovacuum_min_duration = 1000) AS
    SELECT id, foo, bar
    FROM foobar
    WHERE buzz = true;


--@ case: alter - remove toast_tuple_target option
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT CHECK (bar >= 0),
    buzz BOOLEAN DEFAULT true
);

CREATE MATERIALIZED VIEW foobar_view WITH (toast_tuple_target = 2048) AS
    SELECT id, foo, bar
    FROM foobar
    WHERE buzz = true;

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT CHECK (bar >= 0),
    buzz BOOLEAN DEFAULT true
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar
    FROM foobar
    WHERE buzz = true;


--@ case: Add materialized view with index
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo FROM foobar;

CREATE INDEX foobar_view_foo_idx ON foobar_view(foo);


--@ case: Drop materialized view with index
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo FROM foobar;

CREATE INDEX foobar_view_foo_idx ON foobar_view(foo);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);


--@ case: Drop materialized view with index and underlying table
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo FROM foobar;

CREATE INDEX foobar_view_foo_idx ON foobar_view(foo);

--@ new
