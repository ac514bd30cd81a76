-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/index_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: No-op
--@ flags: no-change
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar TEXT UNIQUE ,
    fizz INT
);
CREATE INDEX some_idx ON foobar USING hash (foo);
CREATE UNIQUE INDEX some_other_idx ON foobar (bar DESC, fizz);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255),
    bar TEXT UNIQUE ,
    fizz INT
);
CREATE INDEX some_idx ON foobar USING hash (foo);
CREATE UNIQUE INDEX some_other_idx ON foobar (bar DESC, fizz);


--@ case: Add a normal index
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);
CREATE INDEX some_idx ON schema_1.foobar(id DESC, foo);


--@ case: Add a hash index
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);
CREATE INDEX some_idx ON foobar USING hash (id);


--@ case: Add a normal index with quoted names
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


--@ case: Add a functional index
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);
CREATE INDEX some_idx ON schema_1.foobar(lower(foo));


--@ case: Add a unique index
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL
);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL
);
CREATE UNIQUE INDEX some_unique_idx ON foobar(foo);


--@ case: Add a primary key
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT
);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT PRIMARY KEY
);


--@ case: Add a unique constraint
--@ old
CREATE TABLE foobar(
    id INT
);

--@ new
CREATE TABLE foobar(
    id INT UNIQUE
);


--@ case: Add a primary key on NOT NULL column
--@ old
CREATE TABLE foobar(
    id INT NOT NULL
);

--@ new
CREATE TABLE foobar(
    id INT NOT NULL PRIMARY KEY
);


--@ case: Add a primary key when the index already exists
--@ old
CREATE TABLE foobar(
    id INT
);
CREATE UNIQUE INDEX foobar_primary_key ON foobar(id);

--@ new
CREATE TABLE foobar(
    id INT
);
CREATE UNIQUE INDEX foobar_primary_key ON foobar(id);
ALTER TABLE foobar ADD CONSTRAINT foobar_primary_key PRIMARY KEY USING INDEX foobar_primary_key;


--@ case: Add a unique constraint when the index already exists
--@ old
CREATE TABLE foobar(
    id INT
);
CREATE UNIQUE INDEX foobar_unique_idx ON foobar(id);

--@ new
CREATE TABLE foobar(
    id INT
);
CREATE UNIQUE INDEX foobar_unique_idx ON foobar(id);
ALTER TABLE foobar ADD CONSTRAINT foobar_unique_idx UNIQUE USING INDEX foobar_unique_idx;


--@ case: Add a primary key when the index already exists but has a name different to the constraint
--@ old
CREATE TABLE foobar(
    id INT
);
CREATE UNIQUE INDEX foobar_idx ON foobar(id);

--@ new
CREATE TABLE foobar(
    id INT
);
CREATE UNIQUE INDEX foobar_idx ON foobar(id);
-- This renames the index
ALTER TABLE foobar ADD CONSTRAINT foobar_primary_key PRIMARY KEY USING INDEX foobar_idx;


--@ case: Add a unique constraint when the index already exists but has a name different to the constraint
--@ old
CREATE TABLE foobar(
    id INT
);
CREATE UNIQUE INDEX foobar_idx ON foobar(id);

--@ new
CREATE TABLE foobar(
    id INT
);
CREATE UNIQUE INDEX foobar_idx ON foobar(id);
-- This renames the index
ALTER TABLE foobar ADD CONSTRAINT foobar_unique_constraint UNIQUE USING INDEX foobar_idx;


--@ case: Add a primary key when the index already exists but is not unique
--@ old
CREATE TABLE foobar(
    id INT
);
CREATE INDEX foobar_idx ON foobar(id);

--@ new
CREATE TABLE foobar(
    id INT
);
CREATE UNIQUE INDEX foobar_primary_key ON foobar(id);
ALTER TABLE foobar ADD CONSTRAINT foobar_primary_key PRIMARY KEY USING INDEX foobar_primary_key;


--@ case: Add a unique constraint when the index already exists but is not unique
--@ old
CREATE TABLE foobar(
    id INT
);
CREATE INDEX foobar_idx ON foobar(id);

--@ new
CREATE TABLE foobar(
    id INT
);
CREATE UNIQUE INDEX foobar_idx ON foobar(id);
ALTER TABLE foobar ADD CONSTRAINT foobar_unique_idx UNIQUE USING INDEX foobar_idx;


--@ case: Delete a normal index
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL
);
CREATE INDEX some_inx ON schema_1.foobar(id, foo);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255)
);


--@ case: Delete a normal index and columns (index dropped concurrently first)
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL
);
CREATE INDEX some_idx ON foobar(foo);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY
);


--@ case: Delete a normal index with quoted names
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


--@ case: Delete a unique index
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL
);
CREATE UNIQUE INDEX some_unique_idx ON foobar(foo);

--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL
);


--@ case: Delete a primary key
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY
);

--@ new
CREATE TABLE foobar(
    id INT
);


--@ case: Delete a unique constraint
--@ old
CREATE TABLE foobar(
    id INT UNIQUE
);

--@ new
CREATE TABLE foobar(
    id INT
);


--@ case: Add and delete a normal index (conflicting schemas)
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL
);
CREATE INDEX some_idx ON schema_1.foobar(id, foo);

CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL
);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL
);

CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar(
    id INT PRIMARY KEY,
    foo VARCHAR(255) NOT NULL
);
CREATE INDEX some_idx ON schema_2.foobar(id, foo);


--@ case: Change an index (with a really long name) columns
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo TEXT NOT NULL,
    bar BIGINT NOT NULL
);
CREATE UNIQUE INDEX some_idx_with_a_really_long_name_that_is_nearly_61_chars ON foobar(foo, bar)

--@ new
CREATE TABLE foobar(
    id INT,
    foo TEXT NOT NULL,
    bar BIGINT NOT NULL
);
CREATE UNIQUE INDEX some_idx_with_a_really_long_name_that_is_nearly_61_chars ON foobar(foo)


--@ case: Change indexes (conflicting schemas)
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo TEXT NOT NULL,
    bar BIGINT NOT NULL
);
CREATE UNIQUE INDEX some_idx ON foobar(foo, bar);

CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT PRIMARY KEY,
    foo BIGINT NOT NULL,
    bar TEXt NOT NULL
);
CREATE UNIQUE INDEX some_idx ON schema_1.foobar(foo, bar)

--@ new
CREATE TABLE foobar(
    id INT,
    foo TEXT NOT NULL,
    bar BIGINT NOT NULL
);
CREATE UNIQUE INDEX some_idx ON foobar(foo);

CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT PRIMARY KEY,
    foo BIGINT NOT NULL,
    bar TEXt NOT NULL
);
CREATE UNIQUE INDEX some_idx ON schema_1.foobar(foo);


--@ case: Change an index type
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo TEXT NOT NULL,
    bar BIGINT NOT NULL
);
CREATE INDEX some_idx ON foobar (foo)

--@ new
CREATE TABLE foobar(
    id INT,
    foo TEXT NOT NULL,
    bar BIGINT NOT NULL
);
CREATE INDEX some_idx ON foobar USING hash (foo)


--@ case: Change an index column ordering
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo TEXT NOT NULL,
    bar BIGINT NOT NULL
);
CREATE INDEX some_idx ON foobar (foo, bar)

--@ new
CREATE TABLE foobar(
    id INT,
    foo TEXT NOT NULL,
    bar BIGINT NOT NULL
);
CREATE INDEX some_idx ON foobar (foo DESC, bar)


--@ case: Delete columns and associated index
--@ old
CREATE TABLE foobar(
    id INT PRIMARY KEY,
    foo TEXT NOT NULL,
    bar BIGINT NOT NULL
);
CREATE UNIQUE INDEX some_idx ON foobar(foo, bar);

--@ new
CREATE TABLE foobar(
    id INT
);


--@ case: Switch primary key and make old key nullable
--@ old
CREATE TABLE foobar(
    id INT NOT NULL PRIMARY KEY,
    foo TEXT NOT NULL
);
CREATE UNIQUE INDEX some_idx ON foobar(foo);

--@ new
CREATE TABLE foobar(
    id INT,
    foo INT NOT NULL PRIMARY KEY
);


--@ case: Switch primary key with quoted name
--@ old
CREATE TABLE "Foobar"(
    "Id" INT NOT NULL PRIMARY KEY,
    foo TEXT NOT NULL
);

--@ new
CREATE TABLE "Foobar"(
    "Id" INT,
    foo INT NOT NULL PRIMARY KEY
);


--@ case: Switch primary key when the original primary key constraint has a non-default name
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo TEXT NOT NULL
);
CREATE UNIQUE INDEX unique_idx ON foobar(id);
ALTER TABLE foobar ADD CONSTRAINT non_default_primary_key PRIMARY KEY USING INDEX unique_idx;

--@ new
CREATE TABLE foobar(
    id INT,
    foo INT NOT NULL PRIMARY KEY
);


--@ case: Alter primary key columns (name stays same)
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo TEXT NOT NULL
);
CREATE UNIQUE INDEX unique_idx ON foobar(id);
ALTER TABLE foobar ADD CONSTRAINT non_default_primary_key PRIMARY KEY USING INDEX unique_idx;

--@ new
CREATE TABLE foobar(
    id INT,
    foo INT NOT NULL
);
CREATE UNIQUE INDEX unique_idx ON foobar(id, foo);
ALTER TABLE foobar ADD CONSTRAINT non_default_primary_key PRIMARY KEY USING INDEX unique_idx;


--@ case: Alter index columns (index replacement and prioritized builds)
--@ old
CREATE TABLE foobar(
    foo TEXT,
    bar INT
);
CREATE INDEX some_idx_with_a_very_long_name ON foobar(foo);
CREATE INDEX old_idx ON foobar(bar);

--@ new
CREATE TABLE foobar(
    foo TEXT,
    bar INT
);
CREATE INDEX some_idx_with_a_very_long_name ON foobar(foo, bar);
CREATE INDEX new_idx ON foobar(bar);

