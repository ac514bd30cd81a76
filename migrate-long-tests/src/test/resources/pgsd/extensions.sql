-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/extensions_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: no-op
--@ flags: no-change
--@ old
CREATE SCHEMA schema_1;
CREATE EXTENSION pg_trgm WITH SCHEMA schema_1;
CREATE EXTENSION amcheck;

--@ new
CREATE SCHEMA schema_1;
CREATE EXTENSION pg_trgm WITH SCHEMA schema_1;
CREATE EXTENSION amcheck;


--@ case: create multiple extensions
--@ old
--@ new
CREATE SCHEMA schema_1;
CREATE EXTENSION pg_trgm WITH SCHEMA schema_1;
CREATE EXTENSION amcheck;


--@ case: drop one extension
--@ old
CREATE SCHEMA schema_1;
CREATE EXTENSION pg_trgm;
CREATE EXTENSION amcheck WITH SCHEMA schema_1;

--@ new
CREATE EXTENSION pg_trgm;


--@ case: upgrade an extension implicitly and explicitly
--@ old
CREATE SCHEMA schema_1;
CREATE EXTENSION pg_trgm WITH VERSION '1.5';
CREATE EXTENSION amcheck WITH SCHEMA schema_1 VERSION '1.3';

--@ new
CREATE SCHEMA schema_1;
CREATE EXTENSION pg_trgm WITH VERSION '1.6';
CREATE EXTENSION AMCHECK WITH SCHEMA schema_1;

