-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/function_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: No-op
--@ flags: no-change
--@ old
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE OR REPLACE FUNCTION increment(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;

--@ new
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE OR REPLACE FUNCTION increment(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;


--@ case: Create functions (with conflicting names)
--@ old
--@ new
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;
CREATE FUNCTION add(a text, b text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);

CREATE SCHEMA schema_1;
CREATE FUNCTION schema_1.add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;
CREATE FUNCTION schema_1.add(a text, b text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);


--@ case: Create functions with quoted names (with conflicting names)
--@ old
--@ new
CREATE FUNCTION "some add"(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;
CREATE FUNCTION "some add"(a text, b text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);


--@ case: Create non-sql function
--@ old
--@ new
CREATE FUNCTION non_sql_func(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;


--@ case: Create function with dependencies
--@ old
--@ new
CREATE SCHEMA schema_1;
CREATE FUNCTION schema_1.add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE FUNCTION "increment func"(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION function_with_dependencies(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN schema_1.add(a, b) + "increment func"(a);

-- function with conflicting name to ensure the deps specify param name
CREATE FUNCTION add(a text, b text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);

-- identical function on a different schema
CREATE SCHEMA schema_2;
CREATE FUNCTION schema_2.add(a integer, b integer) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);


--@ case: Create function with an extension that also creates functions installed
--@ old
CREATE EXTENSION amcheck;

--@ new
CREATE EXTENSION amcheck;

CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;


--@ case: Drop functions (with conflicting names)
--@ old
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;
CREATE FUNCTION add(a text, b text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);

--@ new

--@ case: Drop functions with quoted names (with conflicting names)
--@ old
CREATE FUNCTION "some add"(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;
CREATE FUNCTION "some add"(a text, b text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);

--@ new

--@ case: Drop non-sql function
--@ old
CREATE FUNCTION non_sql_func(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;

--@ new

--@ case: Drop function with dependencies
--@ old
CREATE SCHEMA schema_1;
CREATE FUNCTION schema_1.add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE FUNCTION "increment func"(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION function_with_dependencies(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN schema_1.add(a, b) + "increment func"(a);

-- function with conflicting name to ensure the deps specify param name
CREATE FUNCTION add(a text, b text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);

-- identical function on a different schema to ensure schemas are specified correctly
CREATE SCHEMA schema_2;
CREATE FUNCTION schema_2.add(a integer, b integer) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);

--@ new

--@ case: Add and drop functions with dependencies (conflicting schemas)
--@ old
CREATE SCHEMA schema_1;
CREATE FUNCTION schema_1.add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE FUNCTION schema_1."increment func"(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION schema_1.function_with_dependencies(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN schema_1.add(a, b) + schema_1."increment func"(a);

--@ new
CREATE SCHEMA schema_2;
CREATE FUNCTION schema_2.add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE FUNCTION schema_2."increment func"(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION schema_2.function_with_dependencies(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN schema_2.add(a, b) + schema_2."increment func"(a);


--@ case: Alter functions (with conflicting names)
--@ old
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;
CREATE FUNCTION add(a TEXT, b TEXT) RETURNS TEXT
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);

--@ new
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + a + b;
CREATE FUNCTION add(a TEXT, b TEXT) RETURNS TEXT
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(CONCAT(a, a), b);


--@ case: Alter functions with quoted names (with conflicting names)
--@ old
CREATE FUNCTION "some add"(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;
CREATE FUNCTION "some add"(a TEXT, b TEXT) RETURNS TEXT
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);

--@ new
CREATE FUNCTION "some add"(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + a + b;
CREATE FUNCTION "some add"(a TEXT, b TEXT) RETURNS TEXT
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(CONCAT(a, a), b);


--@ case: Alter non-sql function
--@ old
CREATE FUNCTION non_sql_func(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;

--@ new
CREATE FUNCTION non_sql_func(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 5;
        END;
$$ LANGUAGE plpgsql;


--@ case: Alter sql function to be non-sql function
--@ old
CREATE FUNCTION some_func(i integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURN i + 5;

--@ new
CREATE FUNCTION some_func(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;


--@ case: Alter non-sql function to be sql function (no dependency tracking error)
--@ old
CREATE FUNCTION some_func(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;

--@ new
CREATE FUNCTION some_func(i integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURN i + 5;


--@ case: Alter a function's dependencies
--@ old
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE FUNCTION "increment func"(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION function_with_dependencies(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN add(a, b) + "increment func"(a);

-- function with conflicting name to ensure the deps specify param name
CREATE FUNCTION add(a text, b text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN CONCAT(a, b);

--@ new
CREATE FUNCTION add(a integer, b integer) RETURNS integer
        LANGUAGE SQL
        IMMUTABLE
        RETURNS NULL ON NULL INPUT
        RETURN a + b;

    CREATE FUNCTION "increment func"(i integer) RETURNS integer AS $$
            BEGIN
                    RETURN i + 1;
            END;
    $$ LANGUAGE plpgsql;

    CREATE FUNCTION "decrement func"(i integer) RETURNS integer AS $$
            BEGIN
                    RETURN i + 1;
            END;
    $$ LANGUAGE plpgsql;

    CREATE FUNCTION function_with_dependencies(a integer, b integer) RETURNS integer
        LANGUAGE SQL
        IMMUTABLE
        RETURNS NULL ON NULL INPUT
        RETURN add(a, b) + "decrement func"(a);

    -- function with conflicting name to ensure the deps specify param name
    CREATE FUNCTION add(a text, b text) RETURNS text
        LANGUAGE SQL
        IMMUTABLE
        RETURNS NULL ON NULL INPUT
        RETURN CONCAT(a, b);


--@ case: Alter a dependent function
--@ old
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE FUNCTION "increment func"(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION function_with_dependencies(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN add(a, b) + "increment func"(a);

--@ new
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE FUNCTION "increment func"(i integer) RETURNS int AS $$
        BEGIN
                RETURN i + 5;
        END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION function_with_dependencies(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN add(a, b) + "increment func"(a);


--@ case: Alter a function to no longer depend on a function and drop that function
--@ old
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;

CREATE FUNCTION "increment func"(i integer) RETURNS integer AS $$
        BEGIN
                RETURN i + 1;
        END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION function_with_dependencies(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN add(a, b) + "increment func"(a);

--@ new
CREATE FUNCTION add(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + b;


CREATE FUNCTION function_with_dependencies(a integer, b integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN add(a, b);


--@ case: Create function with name containing double quote
--@ old
--@ new
CREATE FUNCTION "evil""func"(a integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + 1;


--@ case: Drop function with name containing double quote
--@ old
CREATE FUNCTION "evil""func"(a integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a + 1;

--@ new

--@ case: Create function with SQL injection in name
--@ old
CREATE TABLE foo(id integer);

--@ new
CREATE TABLE foo(id integer);
CREATE FUNCTION "x""; DROP TABLE foo; --"(a integer) RETURNS integer
    LANGUAGE SQL
    IMMUTABLE
    RETURNS NULL ON NULL INPUT
    RETURN a;

