-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/sequence_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: No-op
--@ old
CREATE SEQUENCE foobar_sequence
        AS BIGINT
        INCREMENT BY 2
        MINVALUE 5 MAXVALUE 100
        START WITH 10 CACHE 5 CYCLE
        OWNED BY NONE;

--@ new
CREATE SEQUENCE foobar_sequence
        AS BIGINT
        INCREMENT BY 2
        MINVALUE 5 MAXVALUE 100
        START WITH 10 CACHE 5 CYCLE
        OWNED BY NONE;


--@ case: Add sequence
--@ old
--@ new
CREATE SEQUENCE "foobar sequence"
        AS BIGINT
        INCREMENT BY 2
        MINVALUE 5 MAXVALUE 100
        START WITH 10 CACHE 5 CYCLE
        OWNED BY NONE;


--@ case: Add sequence via serial
--@ old
--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    "some id" SERIAL
)


--@ case: Drop sequence
--@ old
CREATE SCHEMA schema_1;
CREATE SEQUENCE schema_1."foobar sequence"
        AS BIGINT
        INCREMENT BY 2
        MINVALUE 5 MAXVALUE 100
        START WITH 10 CACHE 5 CYCLE
        OWNED BY NONE;

--@ new

--@ case: Drop sequence via deleting column
--@ old
CREATE TABLE foobar(
    "some id" SERIAL
);

--@ new
CREATE TABLE foobar(
);


--@ case: Drop sequence via deleting column (partitioned table)
--@ old
CREATE TABLE foobar(
    "some id" SERIAL,
    type TEXT
) PARTITION BY LIST (type);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN (1);
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN (2);

--@ new
CREATE TABLE foobar(
    type TEXT
) PARTITION BY LIST (type);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN (1);
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN (2);


--@ case: Drop sequence via changing column type
--@ old
CREATE TABLE foobar(
    "some id" SERIAL
)

--@ new
CREATE TABLE foobar(
    "some id" TEXT
)


--@ case: Drop sequence via changing column type (partitioned)
--@ old
CREATE TABLE foobar(
    "some id" SERIAL,
    type TEXT
) PARTITION BY LIST (type);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN (1);
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN (2);

--@ new
CREATE TABLE foobar(
    "some id" TEXT,
    type TEXT
) PARTITION BY LIST (type);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN (1);
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN (2);


--@ case: Drop sequence via table drop
--@ old
CREATE TABLE foobar(
    id SERIAL
)

--@ new

--@ case: Drop sequence via table drop (partitioned)
--@ old
CREATE TABLE foobar(
    "some id" SERIAL,
    type TEXT
) PARTITION BY LIST (type);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN (1);
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN (2);

--@ new

--@ case: And and Drop sequences (conflicting schemas)
--@ old
CREATE SCHEMA schema_1;
CREATE SEQUENCE schema_1."foobar sequence"
        AS BIGINT
        INCREMENT BY 2
        MINVALUE 5 MAXVALUE 100
        START WITH 10 CACHE 5 CYCLE
        OWNED BY NONE;

--@ new
CREATE SCHEMA schema_2;
CREATE SEQUENCE schema_2."foobar sequence"
        AS BIGINT
        INCREMENT BY 2
        MINVALUE 5 MAXVALUE 100
        START WITH 10 CACHE 5 CYCLE
        OWNED BY NONE;


--@ case: Alter data type
--@ old
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;


--@ case: Alter increment
--@ old
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 3
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;


--@ case: Alter min value
--@ old
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 6 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;


--@ case: Alter from no min value and change type
--@ old
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            NO MINVALUE MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;


--@ case: Alter to no min value and change type
--@ old
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            NO MINVALUE MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;


--@ case: Alter max value
--@ old
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 101
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;


--@ case: Alter from no max value and change type
--@ old
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 NO MAXVALUE
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;


--@ case: Alter to no max value and change type
--@ old
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 NO MAXVALUE
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;


--@ case: Alter start with
--@ old
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 11 CACHE 5 CYCLE
            OWNED BY NONE;


--@ case: Alter cache
--@ old
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 6 CYCLE
            OWNED BY NONE;


--@ case: Alter cycle
--@ old
CREATE SCHEMA schema_1;
CREATE SEQUENCE schema_1."foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SCHEMA schema_1;
CREATE SEQUENCE schema_1."foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 NO CYCLE
            OWNED BY NONE;


--@ case: Alter ownership (from none to table)
--@ old
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

--@ new
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;
CREATE TABLE "some foobar"(
    "some id" BIGINT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some foobar"."some id";


--@ case: Alter ownership (from table to none)
--@ old
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;
CREATE TABLE "some foobar"(
    "some id" BIGINT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some foobar"."some id";

--@ new
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;


--@ case: Alter ownership (from table to table)
--@ old
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;
CREATE TABLE "some foobar"(
    "some id" BIGINT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some foobar"."some id";

--@ new
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;
CREATE TABLE "some foobar"(
    "some id" BIGINT
);
CREATE TABLE "some other foobar"(
    "some id" BIGINT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some other foobar"."some id";


--@ case: Alter ownership (from table to table; original column dropped)
--@ old
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;
CREATE TABLE "some foobar"(
    "some id" BIGINT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some foobar"."some id";

--@ new
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;
CREATE TABLE "some foobar"(
);
CREATE TABLE "some other foobar"(
    "some id" BIGINT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some other foobar"."some id";


--@ case: Alter ownership (from table to table; original table dropped)
--@ old
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;
CREATE TABLE "some foobar"(
    "some id" BIGINT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some foobar"."some id";

--@ new
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;
CREATE TABLE "some other foobar"(
    "some id" BIGINT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some other foobar"."some id";


--@ case: Alter ownership (from table to table; original partitioned table dropped)
--@ old
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

CREATE TABLE foobar(
    "some id" SERIAL,
    type TEXT
) PARTITION BY LIST (type);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN (1);
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN (2);

ALTER SEQUENCE "foobar sequence" OWNED BY foobar."some id";

--@ new
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;

CREATE TABLE some_other_foobar(
    "some id" SERIAL,
    type TEXT
) PARTITION BY LIST (type);

CREATE TABLE some_other_foobar_1 PARTITION OF some_other_foobar FOR VALUES IN (1);
CREATE TABLE some_other_foobar_2 PARTITION OF some_other_foobar FOR VALUES IN (2);

ALTER SEQUENCE "foobar sequence" OWNED BY some_other_foobar."some id";


--@ case: Alter ownership (from table to table) and sequence properties (new type is not compatible with old table)
--@ old
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;
CREATE TABLE "some foobar"(
    "some id" INT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some foobar"."some id";

--@ new
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 3
            MINVALUE 6 MAXVALUE 101
            START WITH 11 CACHE 6 NO CYCLE
            OWNED BY NONE;
CREATE TABLE "some foobar"(
    "some id" INT
);
CREATE TABLE "some other foobar"(
    "some id" BIGINT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some other foobar"."some id";


--@ case: Alter ownership (from table to table) and sequence properties (old type is not compatible with new table)
--@ old
CREATE SEQUENCE "foobar sequence"
            AS BIGINT
            INCREMENT BY 2
            MINVALUE 5 MAXVALUE 100
            START WITH 10 CACHE 5 CYCLE
            OWNED BY NONE;
CREATE TABLE "some foobar"(
    "some id" BIGINT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some foobar"."some id";

--@ new
CREATE SEQUENCE "foobar sequence"
            AS INT
            INCREMENT BY 3
            MINVALUE 6 MAXVALUE 101
            START WITH 11 CACHE 6 NO CYCLE
            OWNED BY NONE;
CREATE TABLE "some foobar"(
    "some id" BIGINT
);
CREATE TABLE "some other foobar"(
    "some id" INT
);
ALTER SEQUENCE "foobar sequence" OWNED BY "some other foobar"."some id";

