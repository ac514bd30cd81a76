-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/index_no_concurrent_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: Add
--@ old
CREATE TABLE "Foobar"(
    id INT PRIMARY KEY,
    "Foo" VARCHAR(255)
);

--@ new
CREATE TABLE "Foobar"(
    id INT PRIMARY KEY,
    "Foo" VARCHAR(255)
);
CREATE INDEX "Some_idx" ON "Foobar"(id, "Foo");


--@ case: Delete
--@ old
CREATE TABLE "Foobar"(
    id INT PRIMARY KEY,
    "Foo" VARCHAR(255)
);
CREATE INDEX "Some_idx" ON "Foobar"(id, "Foo");

--@ new
CREATE TABLE "Foobar"(
    id INT PRIMARY KEY,
    "Foo" VARCHAR(255) NOT NULL
);

