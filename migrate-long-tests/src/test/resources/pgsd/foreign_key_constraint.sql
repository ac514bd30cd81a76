-- Ported from github.com/stripe/pg-schema-diff, internal/migration_acceptance_tests/foreign_key_constraint_cases_test.go
-- (the DDL of each case, as data; see PgSchemaDiffSuiteTest for the format)

--@ case: No-op
--@ flags: no-change
--@ old
CREATE TABLE foobar(
    id_part_1 INT,
    id_part_2 VARCHAR(255),
    PRIMARY KEY (id_part_1, id_part_2)
);
CREATE TABLE "foobar fk"(
    fk_part_1 BIGINT,
    fk_part_2 VARCHAR(255),
    FOREIGN KEY (fk_part_1, fk_part_2) REFERENCES foobar(id_part_1, id_part_2)
        ON DELETE SET NULL
        ON UPDATE SET NULL
        NOT DEFERRABLE
);

--@ new
CREATE TABLE foobar(
    id_part_1 INT,
    id_part_2 VARCHAR(255),
    PRIMARY KEY (id_part_1, id_part_2)
);
CREATE TABLE "foobar fk"(
    fk_part_1 BIGINT,
    fk_part_2 VARCHAR(255),
    FOREIGN KEY (fk_part_1, fk_part_2) REFERENCES foobar(id_part_1, id_part_2)
        ON DELETE SET NULL
        ON UPDATE SET NULL
        NOT DEFERRABLE
);


--@ case: Add FK
--@ old
CREATE TABLE "foo bar"(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);

--@ new
CREATE TABLE "foo bar"(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES "foo bar"(id)
        ON DELETE SET NULL
        ON UPDATE SET NULL
        NOT DEFERRABLE
);


--@ case: Add FK on partitioned
--@ old
CREATE TABLE "foo bar"(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
) PARTITION BY LIST (fk_id);

--@ new
CREATE TABLE "foo bar"(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES "foo bar"(id)
        ON DELETE SET NULL
        ON UPDATE SET NULL
        NOT DEFERRABLE
) PARTITION BY LIST (fk_id);


--@ case: Add FK on partition
--@ old
      CREATE TABLE "foo bar"(
          id INT,
          PRIMARY KEY (id)
      );

      CREATE TABLE foobar_fk(
          fk_id INT
      ) PARTITION BY LIST (fk_id);
CREATE TABLE foobar_fk_1 PARTITION OF foobar_fk FOR VALUES IN (1);

--@ new
      CREATE TABLE "foo bar"(
          id INT,
          PRIMARY KEY (id)
      );

      CREATE TABLE foobar_fk(
          fk_id INT
      ) PARTITION BY LIST (fk_id);
CREATE TABLE foobar_fk_1 PARTITION OF foobar_fk FOR VALUES IN (1);
ALTER TABLE foobar_fk_1 ADD CONSTRAINT some_fk FOREIGN KEY (fk_id) REFERENCES "foo bar"(id);


--@ case: Add FK referencing partitioned
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
) PARTITION BY LIST (id);

CREATE TABLE "foobar fk"(
    fk_id INT
);

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
) PARTITION BY LIST (id);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
        ON DELETE SET NULL
        ON UPDATE SET NULL
        NOT DEFERRABLE
);


--@ case: Add FK referencing partition
--@ old
      CREATE TABLE foobar(
          id INT,
          PRIMARY KEY (id)
      ) PARTITION BY LIST (id);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN (1);

      CREATE TABLE "foobar fk"(
          fk_id INT
      );

--@ new
      CREATE TABLE foobar(
          id INT,
          PRIMARY KEY (id)
      ) PARTITION BY LIST (id);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN (1);

      CREATE TABLE "foobar fk"(
          fk_id INT,
          FOREIGN KEY (fk_id) REFERENCES foobar_1(id)
              ON DELETE SET NULL
              ON UPDATE SET NULL
              NOT DEFERRABLE
      );


--@ case: Add FK (only referenced table is new)
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
);


--@ case: Add FK (owning table is not new)
--@ old
CREATE TABLE "foobar fk"(
    fk_id INT
);

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
        ON DELETE SET NULL
        ON UPDATE SET NULL
        NOT DEFERRABLE
);


--@ case: Add FK (tables new)
--@ old
--@ new
CREATE TABLE foobar(
    id INT PRIMARY KEY
);

CREATE SCHEMA schema_1;
CREATE TABLE schema_1."foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
        ON DELETE SET NULL
        ON UPDATE SET NULL
        NOT DEFERRABLE
);


--@ case: Add not-valid FK (neither table is new)
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_foobar_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
        NOT VALID;


--@ case: Add FK (partitioned table)
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (foo, id)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('2');
CREATE TABLE "foobar fk"(
    fk_foo VARCHAR(255),
    fk_id INT
);

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (foo, id)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('2');
CREATE TABLE "foobar fk"(
    fk_foo VARCHAR(255),
    fk_id INT,
    FOREIGN KEY (fk_foo, fk_id) REFERENCES foobar(foo, id)
);


--@ case: Drop FK
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
        ON DELETE SET NULL
        ON UPDATE SET NULL
        NOT DEFERRABLE
);

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);


--@ case: Add and drop FK (conflicting schemas)
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
      id TEXT PRIMARY KEY
);

CREATE TABLE schema_1."foobar fk"(
    fk_id TEXT,
    FOREIGN KEY (fk_id) REFERENCES schema_1.foobar(id)
        ON DELETE SET NULL
        ON UPDATE SET NULL
        NOT DEFERRABLE
);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
      id TEXT PRIMARY KEY
);

CREATE SCHEMA schema_2;
CREATE TABLE schema_2."foobar fk"(
    fk_id TEXT,
    FOREIGN KEY (fk_id) REFERENCES schema_1.foobar(id)
        ON DELETE SET NULL
        ON UPDATE SET NULL
        NOT DEFERRABLE
);


--@ case: Drop FK (partitioned table)
--@ old
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (foo, id)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('2');
CREATE TABLE "foobar fk"(
    fk_foo VARCHAR(255),
    fk_id INT,
    FOREIGN KEY (fk_foo, fk_id) REFERENCES schema_1.foobar(foo, id)
);

--@ new
CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (foo, id)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF schema_1.foobar FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF schema_1.foobar FOR VALUES IN ('2');
CREATE TABLE "foobar fk"(
    fk_foo VARCHAR(255),
    fk_id INT
);


--@ case: Drop FK with table (references partitioned table)
--@ old
CREATE TABLE foobar(
    foo varchar(255),
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar partitioned"(
    foo varchar(255),
    id INT,
PRIMARY KEY (foo, id)
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF "foobar partitioned" FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF "foobar partitioned" FOR VALUES IN ('2');

CREATE TABLE "foobar fk"(
    fk_foo VARCHAR(255),
    fk_id INT
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_foo, fk_id) REFERENCES "foobar partitioned"(foo, id);

--@ new

--@ case: Alter FK not valid to valid (validate FK isn't dropped and re-added)
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
    NOT VALID;

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id);


--@ case: Alter FK (valid to not valid)
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id);

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
    NOT VALID;


--@ case: Alter FK (columns)
--@ old
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX foobar_unique ON foobar(foo);

CREATE TABLE "foobar fk"(
    fk_id INT,
    fk_foo VARCHAR(255)
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
    NOT VALID;

--@ new
CREATE TABLE foobar(
    id INT,
    foo VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX foobar_unique ON foobar(foo);

CREATE TABLE "foobar fk"(
    fk_id INT,
    fk_foo VARCHAR(255)
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_foo) REFERENCES foobar(foo);


--@ case: Alter FK (on update)
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
);

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
      ON UPDATE CASCADE
);


--@ case: Alter FK (on delete)
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
);

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
        ON UPDATE CASCADE
);


--@ case: Alter castable type change
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
);

--@ new
CREATE TABLE foobar(
    id BIGINT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
);


--@ case: Alter non-castable type change
--@ flags: peer-refuses-plan
--@ old
CREATE TABLE foobar(
    id BIGINT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id BIGINT,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
);

--@ new
CREATE TABLE foobar(
    id TIMESTAMP,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id TIMESTAMP,
    FOREIGN KEY (fk_id) REFERENCES foobar(id)
);


--@ case: Switch FK owning table (to partitioned table)
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id);

CREATE TABLE "foobar fk partitioned"(
    foo varchar(255),
    fk_id INT
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF "foobar fk partitioned"  FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF "foobar fk partitioned"  FOR VALUES IN ('2');

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);

CREATE TABLE "foobar fk partitioned"(
    foo varchar(255),
    fk_id INT
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF "foobar fk partitioned" FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF "foobar fk partitioned" FOR VALUES IN ('2');
ALTER TABLE "foobar fk partitioned" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id);


--@ case: Switch FK owning table (from partitioned table)
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);
CREATE TABLE "foobar fk partitioned"(
    foo varchar(255),
    fk_id INT
) PARTITION BY LIST (foo);
ALTER TABLE "foobar fk partitioned" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id);

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);

CREATE TABLE "foobar fk partitioned"(
    foo varchar(255),
    fk_id INT
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF "foobar fk partitioned" FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF "foobar fk partitioned" FOR VALUES IN ('2');
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id);


--@ case: Switch FK owning table (analog tables in different schemas stay same)
--@ old
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id);

CREATE TABLE "foobar fk partitioned"(
    foo varchar(255),
    fk_id INT
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF "foobar fk partitioned"  FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF "foobar fk partitioned"  FOR VALUES IN ('2');

CREATE SCHEMA schema_1;
CREATE TABLE schema_1.foobar(
    id TEXT,
    PRIMARY KEY (id)
);
CREATE TABLE schema_1."foobar fk"(
    fk_id TEXT
);
ALTER TABLE schema_1."foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES schema_1.foobar(id);

--@ new
CREATE TABLE foobar(
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar fk"(
    fk_id INT
);

CREATE TABLE "foobar fk partitioned"(
    foo varchar(255),
    fk_id INT
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF "foobar fk partitioned" FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF "foobar fk partitioned" FOR VALUES IN ('2');
ALTER TABLE "foobar fk partitioned" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id) REFERENCES foobar(id);

CREATE SCHEMA schema_1;
-- Update schema_1.foobar_Fk to ensure there are some deps that reference it
CREATE TABLE schema_1.foobar(
    id TEXT,
    val TEXT,
    PRIMARY KEY (id, val)
);
CREATE TABLE schema_1."foobar fk"(
    fk_id TEXT,
    fk_val TEXT
);
ALTER TABLE schema_1."foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_id, fk_val) REFERENCES schema_1.foobar(id, val);

--@ case: Switch FK referenced table (to partitioned table with new unique index)
--@ old
CREATE TABLE foobar(
    foo varchar(255),
    id INT,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX unique_idx ON foobar(foo, id);

CREATE TABLE "foobar partitioned"(
    foo varchar(255),
    id INT
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF "foobar partitioned" FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF "foobar partitioned" FOR VALUES IN ('2');

CREATE TABLE "foobar fk"(
    fk_foo VARCHAR(255),
    fk_id INT
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_foo, fk_id) REFERENCES foobar(foo, id) NOT VALID ;

--@ new
CREATE TABLE foobar(
    foo varchar(255),
    id INT,
    PRIMARY KEY (id)
);

CREATE TABLE "foobar partitioned"(
    foo varchar(255),
    id INT
) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF "foobar partitioned" FOR VALUES IN ('1');
CREATE TABLE foobar_2 PARTITION OF "foobar partitioned" FOR VALUES IN ('2');
CREATE UNIQUE INDEX unique_idx ON "foobar partitioned"(foo, id);

CREATE TABLE "foobar fk"(
    fk_foo VARCHAR(255),
    fk_id INT
);
ALTER TABLE "foobar fk" ADD CONSTRAINT some_fk
    FOREIGN KEY (fk_foo, fk_id) REFERENCES "foobar partitioned"(foo, id);

