-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/check_constraint_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: No-op
--@ flags: no-change
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT CHECK ( bar > id )
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT CHECK ( bar > id )
);


--@ case: Add check constraint (validate constraint added online)
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT CHECK ( bar > id )
);


--@ case: Add check constraint with UDF dependency should error
--@ flags: peer-refuses-plan
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT
);

--@ new
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT CHECK ( add(bar, id) > 0 )
);


--@ case: Add check constraint with system function dependency should not error
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT CHECK ( to_timestamp(id) <= CURRENT_TIMESTAMP )
);


--@ case: Add multiple check constraints
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT,
    CHECK ( bar > id ), CHECK ( bar IS NOT NULL ), CHECK (bar > 0)
);


--@ case: Add check constraints to new column
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT CHECK ( bar > id ), CHECK ( bar IS NOT NULL ), CHECK (bar > 0)
);


--@ case: Add check constraint and change data type
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo INT CHECK ( foo > 0 )
);


--@ case: Add check constraint with quoted identifiers
--@ old
CREATE TABLE foobar(
    "ID" INT PRIMARY KEY,
    foo VARCHAR(255),
    "Bar" BIGINT
);

--@ new
CREATE TABLE foobar(
    "ID" INT PRIMARY KEY,
    foo VARCHAR(255),
       "Bar" BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT "BAR_CHECK" CHECK ( "Bar" < "ID" );


--@ case: Add no inherit check constraint
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT bar_check CHECK ( bar > id ) NO INHERIT;


--@ case: Add No-Inherit, Not-Valid check constraint
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT bar_check CHECK ( bar > id ) NO INHERIT NOT VALID;


--@ case: Drop check constraint
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT CHECK ( bar > id )
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);


--@ case: Drop check constraint with quoted identifiers
--@ old
CREATE TABLE foobar(
    "ID" INT PRIMARY KEY,
    foo VARCHAR(255),
    "Bar" BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT "BAR_CHECK" CHECK ( "Bar" < "ID" );

--@ new
CREATE TABLE foobar(
    "ID" INT PRIMARY KEY,
    foo VARCHAR(255),
       "Bar" BIGINT
);


--@ case: Drop check constraint and change data type
--@ old
CREATE TABLE foobar(
    "ID" INT PRIMARY KEY,
    foo VARCHAR(255),
    "Bar" BIGINT CHECK ( "Bar" > 0 )
);

--@ new
CREATE TABLE foobar(
    "ID" INT PRIMARY KEY,
    foo VARCHAR(255),
       "Bar" TEXT
);


--@ case: Drop column with check constraints
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT,
    CHECK ( bar > id ), CHECK ( bar IS NOT NULL ), CHECK (bar > 0)
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);


--@ case: Drop check constraint with UDF dependency should error
--@ flags: peer-refuses-plan
--@ old
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT CHECK ( add(bar, id) > 0 )
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT
);


--@ case: Drop check constraint with system function dependency should not error
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT CHECK ( to_timestamp(id) <= CURRENT_TIMESTAMP )
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT
);


--@ case: Alter an invalid check constraint to be valid (validate constraint isn't dropped and re-added)
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT bar_check CHECK ( bar > id ) NOT VALID;

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT bar_check CHECK ( bar > id );


--@ case: Alter a valid check constraint to be invalid
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT bar_check CHECK ( bar > id );

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT bar_check CHECK ( bar > id ) NOT VALID;


--@ case: Alter a no-Inherit check constraint to be Inheritable
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT bar_check CHECK ( bar > id ) NO INHERIT;

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT bar_check CHECK ( bar > id );


--@ case: Alter an Inheritable check constraint to be no-inherit
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT bar_check CHECK ( bar > id );

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT
);
ALTER TABLE foobar ADD CONSTRAINT bar_check CHECK ( bar > id ) NO INHERIT;


--@ case: Alter a check constraint expression
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT CHECK (bar > id)
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar BIGINT CHECK (bar < id)
);


--@ case: Alter check constraint with UDF dependency should error
--@ flags: peer-refuses-plan
--@ old
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT
);
ALTER TABLE foobar ADD CONSTRAINT some_constraint CHECK ( add(bar, id) > 0 ) NOT VALID;

--@ new
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT
);
ALTER TABLE foobar ADD CONSTRAINT some_constraint CHECK ( add(bar, id) > 0 );


--@ case: Alter check constraint with system function dependency should not error
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT
);
ALTER TABLE foobar ADD CONSTRAINT some_constraint CHECK ( to_timestamp(id) <= CURRENT_TIMESTAMP ) NOT VALID;

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar INT
);
ALTER TABLE foobar ADD CONSTRAINT some_constraint CHECK ( to_timestamp(id) <= CURRENT_TIMESTAMP );

