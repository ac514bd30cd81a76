-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/procedure_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: No-op
--@ flags: no-change
--@ old
CREATE OR REPLACE PROCEDURE some_procedure(i integer) AS $$
        BEGIN
                RAISE NOTICE 'foobar';
        END;
$$ LANGUAGE plpgsql;

--@ new
CREATE OR REPLACE PROCEDURE some_procedure(i integer) AS $$
        BEGIN
                RAISE NOTICE 'foobar';
        END;
$$ LANGUAGE plpgsql;


--@ case: Create procedure with no dependencies
--@ old
--@ new
CREATE OR REPLACE PROCEDURE some_procedure(val INTEGER) LANGUAGE plpgsql AS $$
BEGIN
    RAISE NOTICE 'Val, %', val;
END
$$;


--@ case: Create procedure with dependencies that also must be created
--@ old
--@ new
CREATE SEQUENCE user_id_seq;

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE OR REPLACE FUNCTION get_name(input_name TEXT) RETURNS TEXT AS $$
    SELECT input_name || '_some_fixed_val'
$$ LANGUAGE SQL;

CREATE OR REPLACE PROCEDURE "Add User"(name TEXT) LANGUAGE SQL AS $$
INSERT INTO users (id, name) VALUES (NEXTVAL('user_id_seq'), get_name(name));
$$;


--@ case: Alter a procedure to have dependencies that must be created
--@ old
CREATE TABLE users ();
CREATE OR REPLACE PROCEDURE "Add User"(name TEXT) LANGUAGE SQL AS $$
INSERT INTO users DEFAULT VALUES;
$$;

--@ new
CREATE SEQUENCE user_id_seq;

CREATE TABLE users (
    id INTEGER,
    name TEXT NOT NULL
);

CREATE OR REPLACE FUNCTION get_name(input_name TEXT) RETURNS TEXT AS $$
    SELECT input_name || '_some_fixed_val'
$$ LANGUAGE SQL;

CREATE OR REPLACE PROCEDURE "Add User"(name TEXT) LANGUAGE SQL AS $$
INSERT INTO users (id, name) VALUES (NEXTVAL('user_id_seq'), get_name(name));
$$;


--@ case: Drop procedure and its dependencies
--@ old
CREATE SEQUENCE user_id_seq;

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE OR REPLACE FUNCTION get_name(input_name TEXT) RETURNS TEXT AS $$
    SELECT input_name || '_some_fixed_val'
$$ LANGUAGE SQL;

CREATE OR REPLACE PROCEDURE "Add User"(name TEXT) LANGUAGE SQL AS $$
INSERT INTO users (id, name) VALUES (NEXTVAL('user_id_seq'), get_name(name));
$$;

--@ new


--@ case: Drop a procedure's dependencies but not the procedure
--@ old
CREATE TABLE users ();

CREATE OR REPLACE PROCEDURE "Add User"(name TEXT) LANGUAGE SQL AS $$
INSERT INTO users DEFAULT VALUES;
$$;

--@ new
CREATE TABLE users();

CREATE OR REPLACE PROCEDURE "Add User"(name TEXT) LANGUAGE SQL AS $$
INSERT INTO users DEFAULT VALUES;
$$;

-- Drop the table the procedure depends on. This allows us to actually create a database with this schema.
DROP TABLE users;

