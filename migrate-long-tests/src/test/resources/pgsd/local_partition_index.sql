-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/local_partition_index_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: No-op
--@ flags: no-change
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz INT,
    PRIMARY KEY (foo, id)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

CREATE INDEX foobar_1_some_idx ON foobar_1 (foo);
CREATE UNIQUE INDEX foobar_2_some_unique_idx ON foobar_2 (foo);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz INT,
    PRIMARY KEY (foo, id)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

CREATE INDEX foobar_1_some_idx ON foobar_1 (foo);
CREATE UNIQUE INDEX foobar_2_some_unique_idx ON foobar_2 (foo);


--@ case: Add local indexes
--@ old
CREATE SCHEMA schema_1;
CREATE SCHEMA schema_2;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz BYTEA
) PARTITION BY LIST (foo);
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

--@ new
CREATE SCHEMA schema_1;
CREATE SCHEMA schema_2;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz BYTEA
) PARTITION BY LIST (foo);
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

CREATE INDEX foobar_1_some_idx ON schema_2.foobar_1(foo, id);
CREATE INDEX foobar_2_some_idx ON schema_2.foobar_2(foo, bar);
CREATE INDEX foobar_3_some_idx ON schema_2.foobar_3(foo, fizz);


--@ case: Add a unique local index
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

CREATE UNIQUE INDEX foobar_1_some_idx ON foobar_1 (foo);


--@ case: Add local primary keys
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz bytea
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
    bar TEXT,
    fizz bytea
) PARTITION BY LIST (foo);

CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar(
    CONSTRAINT "foobar1_PRIMARY_KEY" PRIMARY KEY (foo, id)
) FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar(
    CONSTRAINT "foobar2_PRIMARY_KEY" PRIMARY KEY (foo, bar)
) FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar(
    CONSTRAINT "foobar3_PRIMARY_KEY" PRIMARY KEY (foo, fizz)
) FOR VALUES IN ('foo_3');


--@ case: Add local unique constraints
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz bytea
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz bytea
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar(
    CONSTRAINT "foobar1_PRIMARY_KEY" UNIQUE (foo, id)
) FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar(
    CONSTRAINT "foobar2_PRIMARY_KEY" UNIQUE (foo, bar)
) FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar(
    CONSTRAINT "foobar3_PRIMARY_KEY" UNIQUE (foo, fizz)
) FOR VALUES IN ('foo_3');


--@ case: Delete a local index
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz BYTEA
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

CREATE INDEX foobar_1_some_idx ON schema_2.foobar_1(foo, id);
CREATE INDEX foobar_2_some_idx ON schema_2.foobar_2(foo, bar);
CREATE INDEX foobar_3_some_idx ON schema_2.foobar_3(foo, fizz);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz BYTEA
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

CREATE INDEX foobar_1_some_idx ON schema_2.foobar_1(foo, id);
CREATE INDEX foobar_3_some_idx ON schema_2.foobar_3(foo, fizz);


--@ case: Delete a unique local index
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz BYTEA
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

CREATE UNIQUE INDEX some_unique_idx ON schema_2.foobar_1(foo, id);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz BYTEA
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');


--@ case: Delete a primary key
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz bytea
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar(
    CONSTRAINT "foobar1_PRIMARY_KEY" PRIMARY KEY (foo, id)
) FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar(
    CONSTRAINT "foobar2_PRIMARY_KEY" PRIMARY KEY (foo, bar)
) FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar(
    CONSTRAINT "foobar3_PRIMARY_KEY" PRIMARY KEY (foo, fizz)
) FOR VALUES IN ('foo_3');

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz bytea
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_2;
CREATE TABLE schema_2.foobar_1 PARTITION OF schema_1.foobar(
    CONSTRAINT "foobar1_PRIMARY_KEY" PRIMARY KEY (foo, id)
) FOR VALUES IN ('foo_1');
CREATE TABLE schema_2.foobar_2 PARTITION OF schema_1.foobar(
    CONSTRAINT "foobar2_PRIMARY_KEY" PRIMARY KEY (foo, bar)
) FOR VALUES IN ('foo_2');
CREATE TABLE schema_2.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');


--@ case: Change an index columns (with conflicting schemas)
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

CREATE UNIQUE INDEX some_unique_idx ON schema_2.foobar_1(foo, id);

CREATE SCHEMA schema_3;
CREATE TABLE schema_3.foobar(
    id TEXT,
    foo INT
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_4;
CREATE TABLE schema_4.foobar_1 PARTITION OF schema_3.foobar FOR VALUES IN (1);
CREATE TABLE schema_4.foobar_2 PARTITION OF schema_3.foobar FOR VALUES IN (2);
CREATE TABLE schema_4.foobar_3 PARTITION OF schema_3.foobar FOR VALUES IN (3);

CREATE UNIQUE INDEX some_unique_idx ON schema_4.foobar_1(foo, id);

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

CREATE UNIQUE INDEX some_unique_idx ON schema_2.foobar_1(id, foo);

CREATE SCHEMA schema_3;
CREATE TABLE schema_3.foobar(
    id TEXT,
    foo INT
) PARTITION BY LIST (foo);
CREATE SCHEMA schema_4;
CREATE TABLE schema_4.foobar_1 PARTITION OF schema_3.foobar FOR VALUES IN (1);
CREATE TABLE schema_4.foobar_2 PARTITION OF schema_3.foobar FOR VALUES IN (2);
CREATE TABLE schema_4.foobar_3 PARTITION OF schema_3.foobar FOR VALUES IN (3);

CREATE UNIQUE INDEX some_unique_idx ON schema_4.foobar_1(id, foo);


--@ case: Delete columns and associated index
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');

CREATE UNIQUE INDEX some_unique_idx ON foobar_1(foo, id);

--@ new
CREATE TABLE foobar(
    foo VARCHAR(255)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');


--@ case: Switch primary key (add and drop) (conflicting schemas)
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz bytea
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar(
    CONSTRAINT "foobar1_PRIMARY_KEY" PRIMARY KEY (foo, id)
) FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar(
    CONSTRAINT "foobar2_PRIMARY_KEY" PRIMARY KEY (foo, bar)
) FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar(
    CONSTRAINT "foobar3_PRIMARY_KEY" PRIMARY KEY (foo, fizz)
) FOR VALUES IN ('foo_3');

CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT
) PARTITION BY LIST (foo);
CREATE TABLE schema_1.foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_1');
CREATE TABLE schema_1.foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_2');
CREATE TABLE schema_1.foobar_3 PARTITION OF schema_1.foobar FOR VALUES IN ('foo_3');

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz bytea
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar(
    CONSTRAINT "foobar1_PRIMARY_KEY" PRIMARY KEY (foo, id)
) FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar(
    CONSTRAINT "foobar2_PRIMARY_KEY" PRIMARY KEY (foo, fizz)
) FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar(
    CONSTRAINT "foobar3_PRIMARY_KEY" PRIMARY KEY (foo, fizz)
) FOR VALUES IN ('foo_3');

CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz bytea
) PARTITION BY LIST (foo);
CREATE TABLE schema_1.foobar_1 PARTITION OF schema_1.foobar(
    CONSTRAINT "foobar1_PRIMARY_KEY" PRIMARY KEY (foo, id)
) FOR VALUES IN ('foo_1');
CREATE TABLE schema_1.foobar_2 PARTITION OF schema_1.foobar(
    CONSTRAINT "foobar2_PRIMARY_KEY" PRIMARY KEY (foo, bar)
) FOR VALUES IN ('foo_2');
CREATE TABLE schema_1.foobar_3 PARTITION OF schema_1.foobar(
    CONSTRAINT "foobar3_PRIMARY_KEY" PRIMARY KEY (foo, fizz)
) FOR VALUES IN ('foo_3');


--@ case: Add a primary key when the index already exists
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255) NOT NULL,
    bar TEXT NOT NULL,
    fizz bytea
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE UNIQUE INDEX "foobar1_PRIMARY_KEY" ON foobar_1(foo, id);

-- Create a table in a different schema where the index does not exist
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255) NOT NULL,
    bar TEXT NOT NULL,
    fizz bytea
) PARTITION BY LIST (foo);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz bytea
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar(
    CONSTRAINT "foobar1_PRIMARY_KEY" PRIMARY KEY (foo, id)
) FOR VALUES IN ('foo_1');

-- Create a table in a different schema where the index does not exist
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255) NOT NULL,
    bar TEXT NOT NULL,
    fizz bytea
) PARTITION BY LIST (foo);


--@ case: Add a unique constraint when the index already exists
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz bytea
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE UNIQUE INDEX foobar_1_unique ON foobar_1(foo, id);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz bytea
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
ALTER TABLE foobar_1 ADD CONSTRAINT foobar_1_unique UNIQUE (foo, id);



--@ case: Switch partitioned index to local index
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz BYTEA
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

CREATE INDEX foobar_some_idx ON foobar(foo, id);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    bar TEXT,
    fizz BYTEA
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');

CREATE INDEX foobar_1_foo_id_idx ON foobar_1(foo, id);

