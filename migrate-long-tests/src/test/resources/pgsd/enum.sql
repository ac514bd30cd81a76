-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/enum_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: no-op
--@ flags: no-change
--@ old
CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TABLE foo(
    color color DEFAULT 'green'
);

--@ new
CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TABLE foo(
    color color DEFAULT 'green'
);


--@ case: create enum
--@ old
CREATE TABLE foo();

--@ new
CREATE SCHEMA schema_1;
CREATE TYPE schema_1.color AS ENUM ('red', 'green', 'blue');
CREATE TABLE foo(
    color schema_1.color DEFAULT 'green'
);


--@ case: drop enum
--@ old
CREATE SCHEMA schema_1;
CREATE TYPE schema_1.color AS ENUM ('red', 'green', 'blue');
CREATE TABLE foo(
    color schema_1.color DEFAULT 'green'
);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE foo(
    color VARCHAR(255) DEFAULT 'green'
);


--@ case: add values
--@ old
CREATE TYPE some_enum_1 AS ENUM ('1', '2', '3');
CREATE TABLE foo(
    val some_enum_1
);

--@ new
CREATE TYPE some_enum_1 AS ENUM ('0', '1', '1.5', '2', '2.5', '3', '4');
CREATE TABLE foo(
    val some_enum_1 DEFAULT '1.5'
);


--@ case: delete value and add value (enum not used)
--@ old
CREATE TYPE some_enum_1 AS ENUM ('1', '2', '3');

--@ new
CREATE TYPE some_enum_1 AS ENUM ('0', '1', '3');


--@ case: delete value and add value (enum used)
--@ flags: peer-refuses-plan
--@ old
CREATE TYPE some_enum_1 AS ENUM ('1', '2', '3');
CREATE TABLE foo(
    val some_enum_1
);

--@ new
CREATE TYPE some_enum_1 AS ENUM ('0', '1', '3');
CREATE TABLE foo(
    val some_enum_1
);


--@ case: create enum with single-quote labels
--@ old
CREATE TABLE foo();

--@ new
CREATE TYPE quote_enum AS ENUM ('O''Brien', 'it''s', 'plain');
CREATE TABLE foo(
    val quote_enum DEFAULT 'plain'
);


--@ case: add value with single-quote label
--@ old
CREATE TYPE quote_enum AS ENUM ('a', 'b');
CREATE TABLE foo(
    val quote_enum
);

--@ new
CREATE TYPE quote_enum AS ENUM ('a', 'b', 'won''t');
CREATE TABLE foo(
    val quote_enum
);


--@ case: add value before a single-quote label
--@ old
CREATE TYPE quote_enum AS ENUM ('a', 'it''s');
CREATE TABLE foo(
    val quote_enum
);

--@ new
CREATE TYPE quote_enum AS ENUM ('a', 'mid', 'it''s');
CREATE TABLE foo(
    val quote_enum
);


--@ case: enum label with sql injection payload
--@ old
CREATE TABLE foo();

--@ new
CREATE TYPE evil AS ENUM ('x''); DROP TABLE foo; --');
CREATE TABLE foo(
    val evil
);

