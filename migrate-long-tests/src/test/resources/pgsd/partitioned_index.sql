-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/partitioned_index_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: No-op
--@ flags: no-change
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz INT,
    PRIMARY KEY (foo, id),
    UNIQUE (foo, bar)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');
CREATE INDEX some_idx ON foobar USING hash (foo);
CREATE UNIQUE INDEX some_other_idx ON foobar(foo DESC, fizz);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz INT,
    PRIMARY KEY (foo, id),
    UNIQUE (foo, bar)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');
CREATE INDEX some_idx ON foobar USING hash (foo);
CREATE UNIQUE INDEX some_other_idx ON foobar(foo DESC, fizz);


--@ case: Add a normal partitioned index
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE schema schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE schema schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

CREATE INDEX some_idx ON schema_1.foobar(id DESC, foo);


--@ case: Add a hash index
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

CREATE INDEX some_idx ON foobar USING hash (foo);


--@ case: Add a unique partitioned index
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');
CREATE UNIQUE INDEX some_unique_idx ON foobar(foo, id);


--@ case: Add a normal partitioned index with quotes names
--@ old
CREATE TABLE "Foobar"(
    id INT,
    "Foo" VARCHAR(255)
) PARTITION BY LIST ("Foo");
CREATE TABLE "FOOBAR_1" PARTITION OF "Foobar" FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF "Foobar" FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF "Foobar" FOR VALUES IN ('foo_3');

--@ new
CREATE TABLE "Foobar"(
    id INT,
    "Foo" VARCHAR(255)
) PARTITION BY LIST ("Foo");
CREATE TABLE "FOOBAR_1" PARTITION OF "Foobar" FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF "Foobar" FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF "Foobar" FOR VALUES IN ('foo_3');

CREATE INDEX "SOME_IDX" ON "Foobar"(id, "Foo");


--@ case: Add a functional partitioned index
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE schema schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE schema schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

CREATE INDEX some_idx ON schema_1.foobar(lower(foo));


--@ case: Add a primary key
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (foo, id)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');


--@ case: Add a unique constraint
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    UNIQUE(foo, id)
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');


--@ case: Add a partitioned index that is used by a local primary key
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE schema_1.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE schema_1.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE UNIQUE INDEX some_idx ON ONLY schema_1.foobar(foo, id);
CREATE UNIQUE INDEX foobar_1_pkey ON schema_1.foobar_1(foo, id);
ALTER TABLE schema_1.foobar_1 ADD CONSTRAINT foobar_1_pkey PRIMARY KEY USING INDEX foobar_1_pkey;
ALTER INDEX schema_1.some_idx ATTACH PARTITION schema_1.foobar_1_pkey;

-- Create a table in a different schema to ensure that dependencies are correctly set
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_2.foobar FOR VALUES IN ('foo_1');


--@ case: Add a primary key with quoted names
--@ old
CREATE TABLE "Foobar"(
    "Id" INT,
    "FOO" VARCHAR(255)
) PARTITION BY LIST ("FOO");
CREATE TABLE foobar_1 PARTITION OF "Foobar" FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF "Foobar" FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF "Foobar" FOR VALUES IN ('foo_3');

--@ new
CREATE TABLE "Foobar"(
    "Id" INT,
    "FOO" VARCHAR(255)
) PARTITION BY LIST ("FOO");
CREATE TABLE foobar_1 PARTITION OF "Foobar" FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF "Foobar" FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF "Foobar" FOR VALUES IN ('foo_3');
ALTER TABLE "Foobar" ADD CONSTRAINT "FOOBAR_PK" PRIMARY KEY("FOO", "Id")


--@ case: Add a partitioned primary key when the local index already exists
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE UNIQUE INDEX foobar_1_unique_idx ON foobar_1(foo, id);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
ALTER TABLE foobar ADD CONSTRAINT foobar_pkey PRIMARY KEY (foo, id);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

-- Create a table in a different schema to ensure that dependencies are correctly set
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE schema_1.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');

-- Create a flattened version of the table in a different schema
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar(
    id INT,
    foo VARCHAR(255)
);
CREATE TABLE schema_2.foobar_1(
    id INT,
    foo VARCHAR(255)
);


--@ case: Add a partitioned unique constraint when the local index already exists
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE UNIQUE INDEX foobar_1_unique_idx ON foobar_1(foo, id);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
ALTER TABLE foobar ADD CONSTRAINT foobar_unique UNIQUE (foo, id);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

-- Create a table in a different schema to ensure that dependencies are correctly set
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE schema_1.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');

-- Create a flattened version of the table in a different schema
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar(
    id INT,
    foo VARCHAR(255)
);
CREATE TABLE schema_2.foobar_1(
    id INT,
    foo VARCHAR(255)
);


--@ case: Add a unique index when the local index already exists
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE UNIQUE INDEX foobar_1_foo_id_idx ON foobar_1(foo, id);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
ALTER TABLE foobar ADD CONSTRAINT foobar_pkey PRIMARY KEY (foo, id);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE UNIQUE INDEX foobar_unique ON foobar(foo, id);

-- Create a table in a different schema to ensure that dependencies are correctly set
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE schema_1.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');

-- Create a flattened version of the table in a different schema
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar(
    id INT,
    foo VARCHAR(255)
);
CREATE TABLE schema_2.foobar_1(
    id INT,
    foo VARCHAR(255)
);


--@ case: Delete a normal partitioned index
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');
CREATE INDEX some_idx ON schema_1.foobar(foo, id);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');


--@ case: Delete a unique partitioned index
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');
CREATE UNIQUE INDEX some_unique_idx ON foobar(foo, id);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');


--@ case: Delete a primary key
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (foo, id)
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');


--@ case: Delete a unique constraint
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    UNIQUE (foo, id)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');


--@ case: Local index and columns deleted (index dropped first)
--@ old
CREATE TABLE foobar(
    id INT,
    bar INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

CREATE INDEX some_idx ON foobar(foo, id);
CREATE INDEX foobar_1_some_local_idx ON foobar_1(foo, bar, id);

-- Create a table in a different schema to ensure that dependencies are correctly set
CREATE schema schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    bar INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE schema_1.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');

--@ new
CREATE TABLE foobar(
    bar INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');


--@ case: Alter index columns (index replacement and prioritized builds)
--@ old
CREATE TABLE foobar(
    id INT,
    bar INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');

CREATE INDEX some_idx ON foobar(foo, id);
CREATE INDEX old_idx ON foobar_1(foo, bar);

CREATE INDEX foobar_1_some_local_idx ON foobar_1(foo, bar, id);

--@ new
CREATE TABLE foobar(
    id INT,
    bar INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');

ALTER TABLE foobar ADD CONSTRAINT some_idx PRIMARY KEY (foo, id);
CREATE INDEX new_idx ON foobar_1(foo, bar);

CREATE INDEX new_foobar_1_some_local_idx ON foobar_1(foo, bar, id);


--@ case: Alter index columns (index replacement and prioritized builds) (conflicting schemas)
--@ old
CREATE TABLE foobar(
    id INT,
    bar INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');

CREATE INDEX some_idx ON foobar(foo, id);
CREATE INDEX old_idx ON foobar_1(foo, bar);

CREATE INDEX foobar_1_some_local_idx ON foobar_1(foo, bar, id);

-- Create a mirror schema that is also doing a similar operation
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    bar VARCHAR(255),
    foo INT
) PARTITION BY LIST (foo);

CREATE TABLE schema_1.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN (1);
CREATE TABLE schema_1.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN (2);

CREATE INDEX some_idx ON schema_1.foobar(foo, bar);
CREATE INDEX old_idx ON schema_1.foobar_1(foo, id);

CREATE INDEX foobar_1_some_local_idx ON schema_1.foobar_1(foo, id, bar);

--@ new
CREATE TABLE foobar(
    id INT,
    bar INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);

CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');

ALTER TABLE foobar ADD CONSTRAINT some_idx PRIMARY KEY (foo, id);
CREATE INDEX new_idx ON foobar_1(foo, bar);

CREATE INDEX new_foobar_1_some_local_idx ON foobar_1(foo, bar, id);

CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    bar VARCHAR(255),
    foo INT
) PARTITION BY LIST (foo);

CREATE TABLE schema_1.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN (1);
CREATE TABLE schema_1.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN (2);

ALTER TABLE schema_1.foobar ADD CONSTRAINT some_idx PRIMARY KEY (foo, bar);
CREATE INDEX new_idx ON schema_1.foobar_1(foo, id);

CREATE INDEX new_foobar_1_some_local_idx ON schema_1.foobar_1(foo, id, bar);


--@ case: Change an index type
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
       bar INT
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

CREATE INDEX some_idx ON foobar(foo);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
       bar INT
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

CREATE INDEX some_idx ON foobar USING hash (foo);


--@ case: Change an index column ordering
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
       bar INT
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

CREATE INDEX some_idx ON foobar (foo, bar);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
       bar INT
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

CREATE INDEX some_idx ON foobar (bar, foo);


--@ case: Delete columns and associated index
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

CREATE INDEX some_idx ON foobar(id, foo);

--@ new
CREATE TABLE foobar(
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');


--@ case: Switch primary key
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (foo)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (foo, id)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');


--@ case: Attach an unnattached, invalid index
--@ old
CREATE TABLE "Foobar"(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (foo)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF "Foobar" FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF "Foobar" FOR VALUES IN ('foo_2');
CREATE TABLE "Foobar_3" PARTITION OF "Foobar" FOR VALUES IN ('foo_3');

CREATE INDEX "Partitioned_Idx" ON ONLY "Foobar"(foo);

CREATE INDEX "foobar_1_part" ON foobar_1(foo);
ALTER INDEX "Partitioned_Idx" ATTACH PARTITION "foobar_1_part";

CREATE INDEX "foobar_2_part" ON foobar_2(foo);
ALTER INDEX "Partitioned_Idx" ATTACH PARTITION "foobar_2_part";

CREATE INDEX "Foobar_3_Part" ON "Foobar_3"(foo);

--@ new
CREATE TABLE "Foobar"(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (foo)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF "Foobar" FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF "Foobar" FOR VALUES IN ('foo_2');
CREATE TABLE "Foobar_3" PARTITION OF "Foobar" FOR VALUES IN ('foo_3');

CREATE INDEX "Partitioned_Idx" ON ONLY "Foobar"(foo);

CREATE INDEX "foobar_1_part" ON foobar_1(foo);
ALTER INDEX "Partitioned_Idx" ATTACH PARTITION "foobar_1_part";

CREATE INDEX "foobar_2_part" ON foobar_2(foo);
ALTER INDEX "Partitioned_Idx" ATTACH PARTITION "foobar_2_part";

CREATE INDEX "Foobar_3_Part" ON "Foobar_3"(foo);
ALTER INDEX "Partitioned_Idx" ATTACH PARTITION "Foobar_3_Part";


--@ case: Add primary key constraint with existing matching base-table index (matching child index does not exist)
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

-- A unique index for foobar_1 exists, but it does not have the default name as the primary key constraint (foobar_1_pkey),
-- so the primary key index effectively does not already exist when migrating
CREATE UNIQUE INDEX foobar_pkey ON foobar(foo, id);

--@ new
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE foobar ADD CONSTRAINT foobar_pkey PRIMARY KEY (foo, id);


--@ case: Add unique constraint with existing matching base-table index (matching child index does not exist)
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

-- A unique index for foobar_1 exists, but it does not have the default name as the unique constraint (foobar_1_foo_id_key),
-- so the primary key index effectively does not already exist when migrating
CREATE UNIQUE INDEX foobar_unique ON foobar(foo, id);

--@ new
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE foobar ADD CONSTRAINT foobar_unique UNIQUE (foo, id);


--@ case: Add primary key constraint with existing matching base-table index (local matching child index exists)
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

CREATE UNIQUE INDEX foobar_pkey ON ONLY foobar(foo, id);
CREATE UNIQUE INDEX foobar_1_pkey ON foobar_1(foo, id);
ALTER INDEX foobar_pkey ATTACH PARTITION foobar_1_pkey;

--@ new
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE foobar ADD CONSTRAINT foobar_pkey PRIMARY KEY (foo, id);


--@ case: Add primary key constraint with existing matching base-table index (matching non-local index exists that backs local matching PK)
--@ flags: peer-refuses-plan
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

CREATE UNIQUE INDEX foobar_pkey ON foobar(foo, id);
ALTER TABLE foobar_1 ADD CONSTRAINT foobar_1_pkey PRIMARY KEY USING INDEX foobar_1_foo_id_idx;

--@ new
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE foobar ADD CONSTRAINT foobar_pkey PRIMARY KEY (foo, id);


--@ case: Add unique constraint with existing matching base-table index (matching non-local index exists that backs local matching PK)
--@ flags: peer-refuses-plan
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

CREATE UNIQUE INDEX foobar_foo_id_key ON ONLY foobar(foo, id);
CREATE UNIQUE INDEX foobar_1_foo_id_key ON foobar_1(foo, id);
ALTER INDEX foobar_foo_id_key ATTACH PARTITION foobar_1_foo_id_key;
ALTER TABLE foobar_1 ADD CONSTRAINT foobar_1_pkey PRIMARY KEY USING INDEX foobar_1_foo_id_key;

--@ new
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE foobar ADD CONSTRAINT foobar_foo_id_key UNIQUE (foo, id);


--@ case: Add unique constraint with existing matching base-table index (matching non-local index exists that backs local matching unique constraint)
--@ flags: peer-refuses-plan
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

CREATE UNIQUE INDEX foobar_foo_id_key ON ONLY foobar(foo, id);
CREATE UNIQUE INDEX foobar_1_foo_id_key ON foobar_1(foo, id);
ALTER INDEX foobar_foo_id_key ATTACH PARTITION foobar_1_foo_id_key;
ALTER TABLE foobar_1 ADD CONSTRAINT foobar_1_pkey UNIQUE USING INDEX foobar_1_foo_id_key;

--@ new
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE foobar ADD CONSTRAINT foobar_foo_id_key UNIQUE (foo, id);


--@ case: Add primary key constraint with existing matching base-table index (matching local PK already exists backed by local index)
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

CREATE UNIQUE INDEX foobar_pkey ON ONLY foobar(foo, id);
ALTER TABLE foobar_1 ADD CONSTRAINT foobar_1_pkey PRIMARY KEY(foo, id);

--@ new
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE foobar ADD CONSTRAINT foobar_pkey PRIMARY KEY (foo, id);


--@ case: Add unique constraint with existing matching base-table index (matching local PK already exists backed by local index)
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

CREATE UNIQUE INDEX foobar_foo_id_key ON ONLY foobar(foo, id);
ALTER TABLE foobar_1 ADD CONSTRAINT foobar_1_foo_id_key UNIQUE (foo, id);

--@ new
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE foobar ADD CONSTRAINT foobar_foo_id_key UNIQUE (foo, id);


--@ case: Add primary key to partition using existing index
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE ONLY foobar ADD CONSTRAINT some_pkey PRIMARY KEY (foo, id);
CREATE UNIQUE INDEX foobar_1_pkey ON foobar_1(foo, id);

--@ new
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE ONLY foobar ADD CONSTRAINT some_pkey PRIMARY KEY (foo, id);
CREATE UNIQUE INDEX foobar_1_pkey ON foobar_1(foo, id);
ALTER TABLE foobar_1 ADD CONSTRAINT foobar_1_pkey PRIMARY KEY USING INDEX foobar_1_pkey;
ALTER INDEX some_pkey ATTACH PARTITION foobar_1_pkey;


--@ case: Add unique constraint to partition using existing index
--@ old
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE ONLY foobar ADD CONSTRAINT foobar_foo_id_key UNIQUE (foo, id);
CREATE UNIQUE INDEX foobar_1_foo_id_key ON foobar_1(foo, id);

--@ new
CREATE TABLE foobar(
    id INT NOT NULL,
    foo VARCHAR(255) NOT NULL
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

ALTER TABLE ONLY foobar ADD CONSTRAINT foobar_foo_id_key UNIQUE (foo, id);
CREATE UNIQUE INDEX foobar_1_foo_id_key ON foobar_1(foo, id);
ALTER TABLE foobar_1 ADD CONSTRAINT foobar_1_foo_id_key UNIQUE USING INDEX foobar_1_foo_id_key;
ALTER INDEX foobar_foo_id_key ATTACH PARTITION foobar_1_foo_id_key;

