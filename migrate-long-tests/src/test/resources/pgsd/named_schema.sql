-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/named_schema_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: no op
--@ flags: no-change
--@ old
CREATE SCHEMA "schema 1";
CREATE SCHEMA "schema 2";

--@ new
CREATE SCHEMA "schema 1";
CREATE SCHEMA "schema 2";


--@ case: create schema
--@ old
CREATE SCHEMA "schema 1";

--@ new
CREATE SCHEMA "schema 1";
CREATE SCHEMA "schema 2";


--@ case: Drop schema
--@ old
CREATE SCHEMA "schema 1";
CREATE SCHEMA "schema 2";

--@ new
CREATE SCHEMA "schema 1";

