-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/materialized_view_index_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: Add index to existing materialized view
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo FROM foobar;

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo FROM foobar;

CREATE INDEX foobar_view_foo_idx ON foobar_view(foo);


--@ case: Drop index from materialized view
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

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo FROM foobar;


--@ case: Add unique index to materialized view
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo FROM foobar;

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo FROM foobar;

CREATE UNIQUE INDEX foobar_view_id_idx ON foobar_view(id);


--@ case: Change index columns on materialized view
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar VARCHAR(255)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar FROM foobar;

CREATE INDEX foobar_view_idx ON foobar_view(foo);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar VARCHAR(255)
);

CREATE MATERIALIZED VIEW foobar_view AS
    SELECT id, foo, bar FROM foobar;

CREATE INDEX foobar_view_idx ON foobar_view(bar);

