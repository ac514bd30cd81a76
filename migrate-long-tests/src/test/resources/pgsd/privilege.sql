-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/privilege_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: no-op
--@ roles: app_user
--@ flags: no-change
--@ old
CREATE TABLE foobar(id INT);
GRANT SELECT ON foobar TO app_user;

--@ new
CREATE TABLE foobar(id INT);
GRANT SELECT ON foobar TO app_user;


--@ case: Grant multiple privileges to role
--@ roles: app_user
--@ old
CREATE TABLE foobar(id INT);
--@ new
CREATE TABLE foobar(id INT);
GRANT SELECT, INSERT, UPDATE, DELETE ON foobar TO app_user;


--@ case: Revoke privilege from role
--@ roles: app_user
--@ old
CREATE TABLE foobar(id INT);
GRANT SELECT ON foobar TO app_user;

--@ new
CREATE TABLE foobar(id INT);

--@ case: Grant WITH GRANT OPTION
--@ roles: app_user
--@ old
CREATE TABLE foobar(id INT);
--@ new
CREATE TABLE foobar(id INT);
GRANT SELECT ON foobar TO app_user WITH GRANT OPTION;


--@ case: Change GRANT OPTION (recreates privilege)
--@ roles: app_user
--@ old
CREATE TABLE foobar(id INT);
GRANT SELECT ON foobar TO app_user;

--@ new
CREATE TABLE foobar(id INT);
GRANT SELECT ON foobar TO app_user WITH GRANT OPTION;


--@ case: Remove GRANT OPTION (recreates privilege)
--@ roles: app_user
--@ old
CREATE TABLE foobar(id INT);
GRANT SELECT ON foobar TO app_user WITH GRANT OPTION;

--@ new
CREATE TABLE foobar(id INT);
GRANT SELECT ON foobar TO app_user;


--@ case: Grant on new table (no hazards since table is new)
--@ roles: app_user
--@ old
--@ new
CREATE TABLE foobar(id INT);
GRANT SELECT ON foobar TO app_user;


--@ case: Drop table with privileges (only DeletesData hazard)
--@ roles: app_user
--@ old
CREATE TABLE foobar(id INT);
GRANT SELECT ON foobar TO app_user;

--@ new

--@ case: Grant on non-public schema table
--@ roles: app_user
--@ old
CREATE SCHEMA app_schema;
CREATE TABLE app_schema.foobar(id INT);

--@ new
CREATE SCHEMA app_schema;
CREATE TABLE app_schema.foobar(id INT);
GRANT SELECT ON app_schema.foobar TO app_user;


--@ case: Grant on partitioned parent table
--@ roles: app_user
--@ old
CREATE TABLE foobar(
	category TEXT
) partition by list (category);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('category_1');

--@ new
CREATE TABLE foobar(
	category TEXT
) partition by list (category);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('category_1');
GRANT SELECT ON foobar TO app_user;


--@ case: Privilege on new partition (not implemented)
--@ roles: app_user
--@ flags: peer-refuses-plan
--@ old
CREATE TABLE foobar(
	category TEXT
) partition by list (category);

--@ new
CREATE TABLE foobar(
	category TEXT
) partition by list (category);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('category');
GRANT SELECT ON foobar_1 TO app_user;


--@ case: Add privilege on existing partition (not implemented)
--@ roles: app_user
--@ flags: peer-refuses-plan
--@ old
CREATE TABLE foobar(
	category TEXT
) partition by list (category);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('category');

--@ new
CREATE TABLE foobar(
	category TEXT
) partition by list (category);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('category');
GRANT SELECT ON foobar_1 TO app_user;

